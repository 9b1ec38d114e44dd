# small noisy validation set; N_TRAIN and HIDDEN decide whether the model overfits (argv: n_train hidden epochs seed)
import sys, torch
n_train, hidden, epochs, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
torch.manual_seed(seed)
w = torch.randn(20)
def data(n):
    x = torch.randn(n, 20); y = ((x @ w + 0.8 * torch.randn(n)) > 0).long(); return x, y
xt, yt = data(n_train); xv, yv = data(100)
m = torch.nn.Sequential(torch.nn.Linear(20, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 2))
opt = torch.optim.Adam(m.parameters(), lr=3e-3)
for epoch in range(1, epochs + 1):
    perm = torch.randperm(n_train); tot = 0.0
    for i in range(0, n_train, 32):
        b = perm[i:i+32]; loss = torch.nn.functional.cross_entropy(m(xt[b]), yt[b])
        opt.zero_grad(); loss.backward(); opt.step(); tot += loss.item() * len(b)
    with torch.no_grad():
        out = m(xv); vl = torch.nn.functional.cross_entropy(out, yv).item(); va = (out.argmax(1) == yv).float().mean().item()
    print(f"Epoch {epoch}/{epochs} - loss: {tot/n_train:.4f} - val_loss: {vl:.4f} - val_accuracy: {va:.4f}", flush=True)
