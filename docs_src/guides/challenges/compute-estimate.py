# Back-of-envelope compute and memory for a dense Transformer (all figures are estimates).
N = 7e9            # parameters
D = 2e12           # training tokens
peak = 989e12      # H100 SXM dense BF16 peak, FLOP/s
mfu = 0.40         # model FLOPs utilization actually reached (assumption)

train_flops = 6 * N * D                      # forward + backward ~ 6 FLOPs per parameter per token
gpu_hours = train_flops / (peak * mfu) / 3600
train_memory_gb = 16 * N / 1e9               # bf16 weights+grads, fp32 master weights + 2 Adam moments
serve_memory_gb = 2 * N / 1e9                # bf16 weights only, before the KV cache

# KV cache per token: 2 (K and V) x layers x hidden size x 2 bytes (no grouped-query attention)
layers, hidden = 32, 4096
kv_bytes_per_token = 2 * layers * hidden * 2
kv_gib_4k_context = kv_bytes_per_token * 4096 / 2**30

print(f"training compute: {train_flops:.2e} FLOPs, about {gpu_hours:,.0f} GPU-hours")
print(f"training memory (no activations): {train_memory_gb:.0f} GB")
print(f"bf16 weights for serving: {serve_memory_gb:.0f} GB")
print(f"KV cache: {kv_bytes_per_token / 2**20:.2f} MiB per token, {kv_gib_4k_context:.1f} GiB per 4k sequence")
assert 5e4 < gpu_hours < 7e4
assert train_memory_gb > 80 > serve_memory_gb
concurrent = 8                                           # concurrent 4k-token requests
assert 1.5 < kv_gib_4k_context < 2.5                     # "about 2 GiB" per 4k sequence
assert concurrent * kv_gib_4k_context * 2**30 / 1e9 > serve_memory_gb   # 8 requests' KV cache outweighs the weights
