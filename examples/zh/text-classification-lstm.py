# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 用 LSTM 和 TextVectorization 做文本分类 {#text-classification-lstm}
#
# **简介：** 用 `TextVectorization`、带掩码的 `Embedding` 和 LSTM 判断影评的情感倾向，再把预处理和网络合成一个直接吃原始字符串的模型。
# **最后修改：** 2026-11-22
# **替代：** `003_7400e660fbf69007.txt`，“算法编程题库”，题目 2（第二个代码块）
#
# 文本分类模型分两半：前一半把字符串变成整数序列（词表、填充、未登录词），后一半是读这些序列的网络。面试官对前一半追问得一点不比后一半少：哪个下标是填充，模型没见过的词怎么处理，为什么 LSTM 不能把填充位也“读”进去，预处理怎么跟着模型一起上线，保证线上和训练时的分词完全一致。
#
# 下面的影评全部在代码里生成，笔记本离线即可运行。其中一半带否定（“was not good”“is not bad”），否定会把标签翻转过来：模型必须利用词序和上下文，光数褒义词、贬义词是不够的。

# %% [markdown]
# > **原文代码的问题**
# >
# > - `data`、`test_texts`、`test_labels` 都没有定义，代码走到第一行真正干活的语句就报错。注释说 tokenizer “已经训练好”，紧接着又新建了一个。
# > - `keras.preprocessing.text.Tokenizer` 和 `pad_sequences` 是旧接口（Keras 3 只在 `keras.src.legacy` 里保留）。而且预处理放在模型外面，线上服务必须原样再实现一遍。
# > - `Embedding(..., input_length=100)`：Keras 3 已弃用这个参数（会发出警告，直接删掉即可）。
# > - 没有 `mask_zero=True`：LSTM 会把填充的 0 当成真实的词来处理。
# > - `Tokenizer()` 没设 `oov_token`，测试时遇到没见过的词会被悄悄丢掉。
# > - 题目要求处理“多种类型”的文本，标签是整数，输出层却是 `Dense(1, activation="sigmoid")` 配 `binary_crossentropy`，只能做二分类。k 个类别应当用 `Dense(k, activation="softmax")` 配 `sparse_categorical_crossentropy`。

# %% [markdown]
# ## 数据 {#data}
#
# 每条影评都由模板拼成：可选的开头语、主语、动词、可选的 “not”、可选的程度副词、形容词、可选的结尾。形容词是褒义且没被否定，或者是贬义但被否定（“not bad” 算正面），标签就是正面。只会把各个词的褒贬分数相加的模型表达不了这种交互，按顺序读句子的模型可以。
#
# 用固定种子的生成器抽 2,000 条训练影评和 500 条测试影评，再看看测试句子里有多少原封不动地出现在训练集中（可能的句子接近 20 万种，重合的只占很小一部分）。

# %%
import numpy as np
import keras

keras.utils.set_random_seed(42)
rng = np.random.default_rng(42)

OPENERS = ["", "", "honestly ", "overall ", "i think ", "to be fair ", "in my opinion "]
SUBJECTS = ["the movie", "this film", "the plot", "the acting", "the soundtrack", "the ending",
            "the script", "the cast", "the story", "the director's work"]
VERBS = ["was", "is", "felt", "seemed"]
INTENSIFIERS = ["", "really ", "very ", "quite ", "truly "]
POSITIVE = ["good", "great", "excellent", "wonderful", "brilliant", "enjoyable", "moving", "funny"]
NEGATIVE = ["bad", "boring", "awful", "terrible", "dull", "disappointing", "slow", "predictable"]
TAILS = ["", "", " from start to finish", " if you ask me", " for a sunday evening",
         " compared to the book"]


def make_reviews(n, rng):
    texts, labels = [], []
    for _ in range(n):
        positive_word = rng.random() < 0.5
        negated = rng.random() < 0.5
        adjective = rng.choice(POSITIVE if positive_word else NEGATIVE)
        text = (f"{rng.choice(OPENERS)}{rng.choice(SUBJECTS)} {rng.choice(VERBS)}"
                f"{' not' if negated else ''} {rng.choice(INTENSIFIERS)}{adjective}{rng.choice(TAILS)}")
        texts.append(text)
        labels.append(int(positive_word != negated))  # 1 = 正面影评
    return np.array(texts), np.array(labels)


train_texts, train_labels = make_reviews(2000, rng)
test_texts, test_labels = make_reviews(500, rng)

for text, label in zip(train_texts[:5], train_labels[:5]):
    print(label, text)
print(f"positive share: train {train_labels.mean():.2f}, test {test_labels.mean():.2f}")
overlap = np.isin(test_texts, train_texts).mean()
print(f"test sentences also seen in training: {overlap:.1%}")

# %% [markdown]
# ## 词表和填充后的序列 {#vectorization}
#
# `keras.layers.TextVectorization` 取代了 `Tokenizer` + `pad_sequences`。`adapt()` 只在训练文本上建词表（在测试集上 adapt 就是数据泄漏）。这个层默认先转小写、去掉标点，再按空白切词。词表里下标 0 是填充符 `''`，下标 1 是 `[UNK]`，所有词表外的词都映射到它。`output_sequence_length=16` 会在短句**末尾**补 0（更长的句子会被截断），得到一个形状固定的整数矩阵。

# %%
vectorizer = keras.layers.TextVectorization(max_tokens=1000, output_sequence_length=16)
vectorizer.adapt(train_texts)
vocab = vectorizer.get_vocabulary()
print(f"vocabulary size: {len(vocab)}")
print("first entries:", [str(token) for token in vocab[:12]])

train_ids = keras.ops.convert_to_numpy(vectorizer(train_texts))
test_ids = keras.ops.convert_to_numpy(vectorizer(test_texts))
print("integer sequences of the first three reviews:")
print(train_ids[:3])

longest = max(len(text.split()) for text in train_texts)
print(f"longest training review: {longest} tokens")
assert longest <= 16, "output_sequence_length would truncate some reviews"
assert vocab[0] == "" and vocab[1] == "[UNK]", "unexpected reserved tokens"

unseen = keras.ops.convert_to_numpy(vectorizer(["the soundtrack was magnificent"]))[0]
print("with an unseen word:", unseen)
assert unseen[3] == 1, "an out-of-vocabulary word should map to [UNK] = 1"

# %% [markdown]
# ## 给填充加掩码 {#masking}
#
# 大多数行的末尾都是一串 0。`Embedding(..., mask_zero=True)` 除了输出向量，还会生成一个布尔掩码（真实词为 True），Keras 会自动把它传给后面的层。LSTM 于是跳过填充位，返回读完最后一个真实词时的状态。如果不加掩码，后补零是有害的：LSTM 读完句子后还要在零向量上多跑 5 到 10 步，之前读到的信息可能被冲淡。（旧的 `pad_sequences` 默认在前面补零，恰好把这个问题掩盖了。）右侧填充加掩码，也是 Keras 在 GPU 上能用 cuDNN 快速 LSTM 内核的前提。
#
# `mask_zero=True` 把下标 0 留给填充，这和 `TextVectorization` 给词表编号的方式正好一致。

# %%
embedding_probe = keras.layers.Embedding(input_dim=len(vocab), output_dim=4, mask_zero=True)
mask = keras.ops.convert_to_numpy(embedding_probe.compute_mask(train_ids[:3]))
print(mask.astype(int))
assert (mask == (train_ids[:3] != 0)).all(), "the mask should be True exactly on non-zero ids"

# %% [markdown]
# ## 模型 {#model}
#
# 网络接收任意长度的整数序列（`shape=(None,)`）：带掩码的嵌入层、一层 LSTM，再接一个 sigmoid 单元，输出影评为正面的概率。两个类别、标签取 0/1，所以用 `binary_crossentropy`。训练直接用预先算好的整数矩阵，字符串处理只做一次，不必每个 epoch 重复。
#
# 训练日志里能看到准确率先在 50% 附近停留几个 epoch，然后突然跃升：模型得先“发现” not 会改变形容词的意思。

# %%
token_ids = keras.Input(shape=(None,), dtype="int64", name="token_ids")
x = keras.layers.Embedding(input_dim=len(vocab), output_dim=16, mask_zero=True)(token_ids)
x = keras.layers.LSTM(32)(x)
prob_positive = keras.layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(token_ids, prob_positive, name="lstm_classifier")

model.compile(optimizer=keras.optimizers.Adam(learning_rate=3e-3),
              loss="binary_crossentropy", metrics=["accuracy"])
history = model.fit(train_ids, train_labels, validation_split=0.2,
                    epochs=10, batch_size=32, verbose=2)

test_loss, test_acc = model.evaluate(test_ids, test_labels, verbose=0)
print(f"test accuracy: {test_acc:.3f}")
assert test_acc > 0.9, f"test accuracy {test_acc:.3f} is below 0.9"

# %% [markdown]
# ## 验证掩码确实生效 {#mask-check}
#
# 如果 LSTM 真的忽略了填充，填充多少就不应该影响输出。把同一条影评分别填充到 16 位和 40 位，比较两次的概率。

# %%
short = keras.ops.convert_to_numpy(vectorizer(["the movie was not good"]))
long = np.pad(short, [(0, 0), (0, 24)])
p_short = keras.ops.convert_to_numpy(model(short))
p_long = keras.ops.convert_to_numpy(model(long))
print(f"length {short.shape[1]}: {p_short[0, 0]:.6f}   length {long.shape[1]}: {p_long[0, 0]:.6f}")
np.testing.assert_allclose(p_short, p_long, rtol=1e-5, atol=1e-6)

# %% [markdown]
# ## 直接输入原始字符串的模型 {#end-to-end}
#
# 推理时，把已经 adapt 好的 `TextVectorization` 层放在训练好的网络前面。得到的模型直接接收一批原始字符串，无论谁来调用（Web 服务、离线批处理），都不可能和训练时分词不一致，词表也和权重保存在一起。
#
# Keras 的 `predict()` 不接受 NumPy 字符串数组，所以这里直接调用模型（字符串组成的 `tf.data.Dataset` 也可以交给 `predict()` 和 `evaluate()`）。

# %%
raw_text = keras.Input(shape=(), dtype="string", name="text")
end_to_end = keras.Model(raw_text, model(vectorizer(raw_text)), name="text_to_sentiment")

samples = np.array([
    "the movie was not good",
    "the movie was not bad",
    "honestly the acting was really great",
    "the ending felt predictable if you ask me",
    "the soundtrack was not magnificent",  # 训练集里从没出现过 "magnificent"
])
probs = keras.ops.convert_to_numpy(end_to_end(samples))[:, 0]
for text, p in zip(samples, probs):
    print(f"{p:.3f}  {text}")
assert probs[0] < 0.5 < probs[1], "negation was not handled: 'not good' vs 'not bad'"
assert probs[2] > 0.5 > probs[3], "plain positive/negative reviews are misclassified"

# %% [markdown]
# ## 导出用于部署 {#export}
#
# 因为预处理本身就是一个层，`model.export()` 会写出一个 TensorFlow SavedModel，它的 `serve` 签名接收字符串。用纯 TensorFlow 重新加载（像 TF Serving 那样，不需要任何 Keras 代码），得到的概率必须和原模型一致。文件写到临时目录里。

# %%
import os
import tempfile

import tensorflow as tf

export_dir = os.path.join(tempfile.mkdtemp(), "text_to_sentiment")
end_to_end.export(export_dir, verbose=False)
reloaded = tf.saved_model.load(export_dir)
served = reloaded.serve(tf.constant(samples)).numpy()[:, 0]
print("served:", np.round(served, 3))
np.testing.assert_allclose(served, probs, rtol=1e-5, atol=1e-6)

# %% [markdown]
# ## 中文文本 {#chinese-text}
#
# 中文词与词之间没有空格，按空白切分会把整句当成一个词。常见做法有两种：先分词（比如用 jieba），再用空格把词连起来；或者像下面这样用 `split="character"` 按字切分。默认的标准化只去掉 ASCII 标点，“，”“！”这类全角标点会留下来成为词表里的 token，除非自己传一个 `standardize` 函数。

# %%
char_vectorizer = keras.layers.TextVectorization(split="character")
char_vectorizer.adapt(["这部电影不好看。", "剧情很精彩，演员也不错！"])
print([str(token) for token in char_vectorizer.get_vocabulary()])
print(keras.ops.convert_to_numpy(char_vectorizer(["这部电影很好看"])))

# %% [markdown]
# ## 要点 {#takeaways}
#
# - `TextVectorization` 取代 `Tokenizer` + `pad_sequences`：只在训练集上 `adapt()`；下标 0 是填充，下标 1 是 `[UNK]`，没见过的词会被映射而不是被丢掉。
# - `mask_zero=True` 让 LSTM 跳过填充；该层默认在右侧填充，这时掩码必不可少，而且模型输出不应随填充长度变化。
# - 输出层要和标签匹配：二分类用一个 sigmoid 单元配 `binary_crossentropy`，k 个整数标签的类别用 k 个 softmax 单元配 `sparse_categorical_crossentropy`。
# - 把向量化层放进导出的模型里，训练和线上的分词就完全一致，SavedModel 可以直接接收原始字符串。
# - 否定是用序列模型的经典理由：线性词袋模型只是把各个词的分数相加，学不到 “not” 会翻转后面那个词的褒贬。
