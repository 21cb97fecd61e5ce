N = 7e9            # parameters
D = 2e12           # training tokens
flops = 6 * N * D  # forward (2ND) + backward (4ND)

peak = 989e12      # H100 dense BF16 FLOP/s
mfu = 0.40         # realistic model FLOPs utilisation
gpu_hours = flops / (peak * mfu) / 3600
print(f"training compute: {flops:.2e} FLOPs, about {gpu_hours:,.0f} H100-hours")

train_bytes = 16 * N  # bf16 weights + grads (2+2) + fp32 master weights + Adam m, v (4+4+4)
infer_bytes = 2 * N   # bf16 weights only
print(f"training state: {train_bytes / 1e9:.0f} GB (activations extra)")
print(f"inference weights: {infer_bytes / 1e9:.0f} GB")

# KV cache per token: 2 (K and V) x layers x hidden size x 2 bytes
layers, hidden, context, batch = 32, 4096, 4096, 8
kv_cache = 2 * layers * hidden * 2 * context * batch
print(f"KV cache for {batch} x {context} tokens: {kv_cache / 2**30:.0f} GiB")

assert train_bytes > 80e9     # does not fit on one 80 GB GPU: shard (ZeRO/FSDP) or offload
assert infer_bytes < 80e9     # inference fits on one GPU
assert kv_cache > infer_bytes   # 8 x 4k tokens of KV cache outweigh the weights themselves
