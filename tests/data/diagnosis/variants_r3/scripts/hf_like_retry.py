# a retry wrapper around an evaluation that raises once; tqdm-style progress with a postfix after it
import traceback, sys, torch
torch.manual_seed(1)
m = torch.nn.Linear(4, 1); opt = torch.optim.Adam(m.parameters(), lr=0.05)
x = torch.randn(256, 4); y = x @ torch.tensor([1., -2., .5, 3.]) 
for epoch in range(1, 6):
    for i in range(8):
        loss = ((m(x[i*32:(i+1)*32]).squeeze(-1) - y[i*32:(i+1)*32]) ** 2).mean()
        opt.zero_grad(); loss.backward(); opt.step()
    try:
        if epoch == 4: raise ConnectionError("wandb: upload failed: Connection reset by peer")
    except ConnectionError:
        traceback.print_exc()
    print(f"Epoch {epoch}: 100%|##########| 8/8 [00:00<00:00, loss={loss.item():.4f}]", file=sys.stderr, flush=True)
