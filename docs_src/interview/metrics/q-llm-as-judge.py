import numpy as np

rng = np.random.default_rng(42)
true = np.array([1000.0, 1050.0, 1100.0, 1150.0, 1250.0])   # Elo-scale strengths of 5 models
win_prob = lambda ra, rb: 1 / (1 + 10 ** ((rb - ra) / 400))

# 20,000 pairwise battles between random pairs, judged by people without ties
a = rng.integers(0, 5, 20_000)
b = (a + rng.integers(1, 5, a.size)) % 5                      # a different model
a_wins = rng.random(a.size) < win_prob(true[a], true[b])
winner, loser = np.where(a_wins, a, b), np.where(a_wins, b, a)

# Bradley-Terry maximum likelihood (MM algorithm): P(i beats j) = p_i / (p_i + p_j)
wins = np.bincount(winner, minlength=5)
games = np.zeros((5, 5))
np.add.at(games, (a, b), 1)
games += games.T
p = np.ones(5)
for _ in range(200):
    p = wins / (games / (p[:, None] + p[None, :])).sum(axis=1)
    p /= np.exp(np.mean(np.log(p)))
rating = 400 * np.log10(p)
rating += true.mean() - rating.mean()                        # anchor the scale like the truth
print("Bradley-Terry ratings:", np.round(rating).astype(int), " true:", true.astype(int))
assert np.max(np.abs(rating - true)) < 30                    # the fit recovers the true ratings
assert np.all(np.diff(rating) > 0)                            # and their order

# A judge with position bias: 15 % of the time it picks whichever answer comes first
def judged_win_rate(model_first, n=5000, p_better=0.6, bias=0.15):
    first_picked = rng.random(n) < bias
    honest = rng.random(n) < p_better                         # model's answer really is better
    return np.mean(np.where(first_picked, model_first, honest))

first, second = judged_win_rate(True), judged_win_rate(False)
both = (first + second) / 2
print(f"win rate shown first {first:.3f}, shown second {second:.3f}, both orders {both:.3f} (honest 0.6)")
assert first - second > 0.1                                   # the order alone moves the verdict
assert abs(both - 0.6) < abs(first - 0.6)                     # swapping and averaging removes the bias
