import argparse, time, torch, torch.nn as nn, torch.nn.functional as F
p = argparse.ArgumentParser(); p.add_argument('--steps', type=int, default=240); p.add_argument('--amp', action='store_true'); p.add_argument('--lr', type=float, default=1e-3); p.add_argument('--aug-std', type=float, default=0.0)
a = p.parse_args(); torch.manual_seed(0)
N, D = 3000, 32
items = torch.randn(N, D); cls = (items[:, :4].sum(1) > 0).long() + 2 * (items[:, 4] > 0).long()
enc = nn.Sequential(nn.Linear(D, 128), nn.ReLU(), nn.Linear(128, 64))
head = nn.Linear(1, 1)
opt = torch.optim.Adam(list(enc.parameters()) + list(head.parameters()), lr=a.lr)
scaler = torch.amp.GradScaler('cpu', enabled=a.amp)
print(f'pairs sampled from {N} items (30% positives = augmented view of the anchor, aug_std {a.aug_std}); amp float16={a.amp}; init scale {scaler.get_scale() if a.amp else 1:.0f}', flush=True)
skipped = 0; t0 = time.time()
for step in range(a.steps):
    i = torch.randint(0, N, (256,)); pos = torch.rand(256) < 0.3; j = torch.where(pos, i, torch.randint(0, N, (256,)))
    same = ((cls[i] == cls[j]) | pos).float()
    xb = items[j] + a.aug_std * torch.randn(256, D) * pos.unsqueeze(1)   # positives: an augmented view of the same item
    with torch.autocast('cpu', dtype=torch.float16, enabled=a.amp):
        za, zb = enc(items[i]), enc(xb)
        dist = torch.sqrt(((za.float() - zb.float()) ** 2).sum(1))       # euclidean distance between the two embeddings
        logit = head(-dist.unsqueeze(1)).squeeze(1)
        loss = F.binary_cross_entropy_with_logits(logit.float(), same)
    opt.zero_grad(set_to_none=True)
    s0 = scaler.get_scale() if a.amp else 1.0
    scaler.scale(loss).backward(); scaler.step(opt); scaler.update()
    s1 = scaler.get_scale() if a.amp else 1.0
    skipped += (s1 < s0) or (a.amp and s1 == 0)
    if step % 20 == 0 or step == a.steps - 1:
        acc = ((logit > 0).float() == same).float().mean().item()
        print(f'step {step:4d} | loss {loss.item():.4f} | pair acc {acc:.3f} | loss scale {s1:.4g} | skipped {skipped}/{step + 1} | {time.time() - t0:.1f}s', flush=True)
