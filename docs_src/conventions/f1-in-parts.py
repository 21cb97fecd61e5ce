# --8<-- [start:define]
def f1_score(precision, recall):
    return 2 * precision * recall / (precision + recall)
# --8<-- [end:define]


# --8<-- [start:check]
# F1 is the harmonic mean of precision and recall: never above their arithmetic mean
assert f1_score(0.9, 0.1) < (0.9 + 0.1) / 2
print(f"F1(0.9, 0.1) = {f1_score(0.9, 0.1):.2f}")
# --8<-- [end:check]
