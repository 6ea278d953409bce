#!/usr/bin/python3
"""Makes the committed prediction files the metric tests read (synthetic, seeded): tied scores, probabilities of
exactly 0 and 1, a class never predicted, a class absent from the truth, and more than two classes."""
import numpy as np
import pandas as pd

rng = np.random.RandomState(7)
n = 240
truth = np.where(rng.rand(n) < 0.15, "fraud", "ok")
score = np.clip(np.where(truth == "fraud", rng.normal(0.65, 0.2, n), rng.normal(0.3, 0.2, n)), 0, 1).round(1)
predicted = np.where(score >= 0.5, "fraud", "ok")
pd.DataFrame({"truth": truth, "predicted": predicted, "score": score}).to_csv("predictions_binary.csv", index=False)

m = 180
truth = rng.choice(["a", "b", "c", "d"], size=m, p=[0.55, 0.25, 0.15, 0.05])
predicted = np.where(rng.rand(m) < 0.7, truth, rng.choice(["a", "b", "c", "e"], size=m))
predicted = np.where(predicted == "d", "a", predicted)  # 'd' is never predicted; 'e' never true
pd.DataFrame({"truth": truth, "predicted": predicted}).to_csv("predictions_multiclass.csv", index=False)

k = 60
truth = np.where(rng.rand(k) < 0.3, "1", "0")
raw = rng.rand(k)
predicted = np.where(raw > 0.5, "1", "0")
pd.DataFrame({"y": truth, "yhat": predicted, "margin": (raw * 6 - 3).round(2)}).to_csv("predictions_margin.csv", index=False)

# Three classes with probabilities (one-vs-rest ROC-AUC), an ordinal coding (macro-averaged MAE) and row weights.
q = 150
truth = rng.choice(["a", "b", "c"], size=q, p=[0.6, 0.3, 0.1])
logits = rng.normal(size=(q, 3)) + 1.5 * np.stack([truth == c for c in "abc"], axis=1)
proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
pred = np.array(list("abc"))[proba.argmax(axis=1)]
pd.DataFrame({"truth": truth, "predicted": pred, "p_a": proba[:, 0].round(4), "p_b": proba[:, 1].round(4), "p_c": proba[:, 2].round(4),
              "weight": rng.choice([0.5, 1.0, 2.0, 3.0], size=q)}).to_csv("predictions_proba.csv", index=False)
