# torch.amp.GradScaler on CPU with float16 autocast; BROKEN=1 makes one weight overflow float16 in every step, so the
# scaler skips each step and halves its scale. Prints a fairseq-like epoch summary with the scale.
import sys, torch
broken, epochs, steps = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
torch.manual_seed(0)
m = torch.nn.Sequential(torch.nn.Linear(16, 32), torch.nn.ReLU(), torch.nn.Linear(32, 4))
if broken:
    with torch.no_grad(): m[0].weight[0, 0] = 7e4  # beyond float16's 65504: inf activations under autocast
opt = torch.optim.SGD(m.parameters(), lr=0.05)
scaler = torch.amp.GradScaler("cpu", init_scale=2.0**16)
x = torch.randn(2048, 16); y = (x[:, :2].sum(1) > 0).long() + 2 * (x[:, 2] > 0).long()
for epoch in range(1, epochs + 1):
    tot, n = 0.0, 0
    for i in range(steps):
        b = slice((i * 64) % 2048, (i * 64) % 2048 + 64)
        with torch.autocast("cpu", dtype=torch.float16):
            loss = torch.nn.functional.cross_entropy(m(x[b]).float(), y[b])
        opt.zero_grad(); scaler.scale(loss).backward(); scaler.step(opt); scaler.update()
        with torch.no_grad():  # the loss logged in float32: finite, while the float16 pass overflows
            tot += torch.nn.functional.cross_entropy(m(x[b]), y[b]).item(); n += 1
    avg = tot / max(n, 1)
    print(f"| epoch {epoch:03d} | loss {avg:.3f} | num_updates {epoch * steps} | lr 0.05 | loss_scale {scaler.get_scale():.3f}", flush=True)
