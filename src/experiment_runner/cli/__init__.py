"""The command line: serve, tools, call, demo (and the run commands). Output meant for programs goes to stdout
as JSON; everything for people (progress, messages) goes to stderr."""
