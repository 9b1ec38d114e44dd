# digits classifier, plain torch loop
import copy, torch, torch.nn as nn, torch.nn.functional as F
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
torch.manual_seed(0)
X, y = load_digits(return_X_y=True); X = X / 16.0
Xtr, Xte, ytr, yte = train_test_split(torch.tensor(X, dtype=torch.float32), torch.tensor(y), test_size=0.2, random_state=0)
def make(): return nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
model = make()
ema = copy.deepcopy(model)       # keeps a smoothed copy for evaluation
opt = torch.optim.SGD(ema.parameters(), lr=0.1, momentum=0.9)
for epoch in range(1, 11):
    model.train(); perm = torch.randperm(len(ytr))
    for b, k in enumerate(range(0, len(ytr), 64)):
        j = perm[k:k+64]; opt.zero_grad(); loss = F.cross_entropy(model(Xtr[j]), ytr[j]); loss.backward(); opt.step()
        if b % 6 == 0:
            print('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(epoch, k, len(ytr), 100. * k / len(ytr), loss.item()))
    model.eval()
    with torch.no_grad():
        out = model(Xte); tl = F.cross_entropy(out, yte).item(); c = (out.argmax(1) == yte).sum().item()
    print('\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\n'.format(tl, c, len(yte), 100. * c / len(yte)))
