CASES = [
dict(
name="paste_bayesflow_loss_blowup_3543009_then_recovers",
url="https://github.com/bayesflow-org/bayesflow/issues/23",
framework="tensorflow (BayesFlow invertible network)",
expected="exploding_gradients",
rationale="per-iteration loss steady around -7.7 to -7.9, then 718.84845 and 3543009.5 (about six orders of magnitude above its level), then 55-97 and a slow return through 13.9, 0.6 to about -4: the loss diverges by orders of magnitude without becoming NaN and recovers; the poster says this happens about once every 40 epochs",
thread_diagnosis="a maintainer replied (the answer is cut in the stored excerpt); the poster asks whether the optimizer settings or the coupling blocks need changing",
trimmed="the poster's text around the printed list and the maintainer's answer; the '...' at both ends are the poster's own",
log=r"""
..., -7.752036, -7.820761, -7.7039595, -7.6541286, -7.866893, -7.6999016, -7.7101583, -7.876931, -7.926651, 718.84845, 3543009.5, -1.1094699, 55.888943, 97.26874, 86.27302, 88.00319, 72.44775, 55.576897, 55.679665, 42.166874, 38.97898, 26.977058, 21.449322, 13.875741, 9.592149, 4.081973, 0.62280387, 0.8802163, -0.20799232, -0.26961386, -0.02687946, -1.470809, -0.33887288, -0.95399594, -1.1490471, -1.5857422, -1.2776537, -1.7386447, -1.5166757, -2.1432261, -2.240626, -2.8441887, -2.161209, -2.8351824, -2.9727767, -2.9907823, -3.5804815, -3.6286428, -3.659181, -3.566587, -3.8588657, -3.8712082, -3.9153986, -4.028116, -3.8262885, ...
""",
),
]
