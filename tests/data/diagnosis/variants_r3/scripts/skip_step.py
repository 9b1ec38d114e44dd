# a training loop that catches a bad batch (a shape error), logs it with its traceback, and goes on
import logging, sys, torch
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
torch.manual_seed(0)
m = torch.nn.Linear(8, 2); opt = torch.optim.SGD(m.parameters(), lr=0.1)
x = torch.randn(512, 8); y = (x[:, 0] > 0).long()
for step in range(1, 61):
    xb = x[(step * 16) % 512:(step * 16) % 512 + 16]; yb = y[(step * 16) % 512:(step * 16) % 512 + 16]
    if step in (7, 33): xb = xb[:, :5]
    try:
        loss = torch.nn.functional.cross_entropy(m(xb), yb)
    except RuntimeError:
        logging.exception("step %d: bad batch, skipped", step); continue
    opt.zero_grad(); loss.backward(); opt.step()
    if step % 10 == 0: print(f"step {step}/60 | loss {loss.item():.4f} | lr 0.1", flush=True)
print("done")
