from experiment_runner.cli.main import main

raise SystemExit(main())
