def transformer_params(n_layers, d_model, vocab_size):
    per_layer = 12 * d_model**2 + 13 * d_model  # attention 4*d^2 + MLP 8*d^2 (+ biases, LayerNorms)
    return n_layers * per_layer + vocab_size * d_model  # + token embedding

gpt3 = transformer_params(n_layers=96, d_model=12288, vocab_size=50257)
bert_base = transformer_params(n_layers=12, d_model=768, vocab_size=30522)
print(f"GPT-3: {gpt3 / 1e9:.1f} B parameters")
print(f"BERT-base: {bert_base / 1e6:.0f} M parameters")
assert abs(gpt3 / 175e9 - 1) < 0.01       # the published 175 B
assert 100e6 < bert_base < 115e6          # the published 110 M (position embeddings etc. omitted)
