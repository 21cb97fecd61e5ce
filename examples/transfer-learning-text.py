# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] lang="zh"
# # 文本迁移学习：用预训练编码器做情感分析 {#transfer-learning-text}
#
# **简介：** 先在大规模商品评论星级任务上预训练一个小型文本编码器（TextVectorization + Embedding + 池化），再把它冻结后用于只有 16 条标注的影评情感任务，并与从零训练对比。
# **最后修改：** 2026-11-30
# **出处：**《AI 大模型创业：如何利用创新优势？》中“算法编程题库及答案解析”的问题 2，原题收录在[创新优势指南](../../guides/innovation/#ask-000-code-transfer-sentiment)。
#
# <details><summary>维护者注</summary>种子 000：题目在 L83，代码在 L87–120。</details>
#
# 迁移学习的意思是：源任务数据多，目标任务数据少，就把模型在源任务上学到的东西拿来用。
# 对文本来说，能迁移的是编码器：分词器和词表、把词映射成向量的词嵌入，以及把一串词向量
# 汇总成句向量的那几层。这和 BERT 一类“预训练 + 小任务头”的做法是同一个套路，
# 只是把模型缩小到在 CPU 上、本页一分钟的运行预算内就能训完。
#
# 为了离线运行，两份语料都在代码里生成：源任务是大量带星级的商品评论，目标任务是寥寥几条
# 有标注的影评。重点看一个指标：测试集里那些评价词从没在 16 条标注样本中出现过的句子。
# 从零训练的模型在这些句子上只能瞎猜，迁移过来的编码器却早就认识这些词。

# %% [markdown] lang="en"
# # Transfer learning for text: a pretrained encoder for sentiment {#transfer-learning-text}
#
# **Description:** Pretrain a small text encoder (TextVectorization + Embedding + pooling) on a large product-review rating task, reuse it frozen for movie-review sentiment with only 16 labels, and measure it against training from scratch.
# **Last modified:** 2026-11-30
# **Source:** problem 2 of "算法编程题库及答案解析" in *AI large-model startups: using the innovation
# advantage* (《AI 大模型创业：如何利用创新优势？》), quoted in the
# [innovation guide](../../guides/innovation/#ask-000-code-transfer-sentiment).
#
# <details><summary>Maintainer note</summary>Seed 000: the question is at L83, the code at L87–120.</details>
#
# Transfer learning means reusing what a model learned on a *source* task with plenty of data
# for a *target* task with little data. For text, what transfers is the encoder: the tokenizer
# and the embeddings that map words to vectors, plus the layers that turn a sequence of vectors
# into one sentence vector. This is the same recipe as BERT-style pretraining followed by a small
# task head, shrunk to a model that trains in seconds on a CPU.
#
# The example uses two generated corpora, so it runs offline: many product reviews with star
# ratings (source) and a handful of labeled movie reviews (target). The measurement to watch is
# accuracy on target sentences whose opinion word never appears among the 16 labeled examples:
# a model trained from scratch has to guess there, the transferred encoder already knows the word.

# %% [markdown] lang="zh"
# > **原文代码的问题**
# >
# > - 把图像网络（VGG16，ImageNet 权重，输入 224x224x3）和文本层硬拼在一起。照片上学到的
# >   特征和任何词语表示都没有对齐，这里根本没有可迁移的东西。跨模态迁移需要对齐的表示
# >   （例如在图文对上训练的 [CLIP](https://arxiv.org/abs/2103.00020)），不能直接拿一个图像网络去读文本。
# > - 计算图根本连不上，模型建不起来：`embedding` 和 `lstm` 只创建、从没作用到张量上；
# >   `Dense(...)(dense)` 把一个层作用在另一个*层对象*上，而不是张量上；
# >   `Model(inputs=base_model.input, outputs=outputs)` 要的输出和这个输入没有任何依赖关系。
# > - 没有数据、没有分词器、没有训练，什么也没测：迁移学习的好处只是声称，从没和从零训练的
# >   基线比过。
# > - `weights="imagenet"` 运行时要联网下载约 60 MB 权重。

# %% [markdown] lang="en"
# > **What the original got wrong**
# >
# > - It glues an image network (VGG16, ImageNet weights, 224x224x3 input) to text layers.
# >   Features learned on photos are not aligned with any representation of words, so here there
# >   is nothing to transfer. Cross-modal transfer needs aligned representations (such as
# >   [CLIP](https://arxiv.org/abs/2103.00020), trained on image-text pairs), not an image network
# >   reading text.
# > - The graph is not connected, so the model cannot be built: `embedding` and `lstm` are
# >   created but never called on a tensor, `Dense(...)(dense)` calls a layer on another *layer*
# >   object instead of a tensor, and `Model(inputs=base_model.input, outputs=outputs)` asks for
# >   outputs that do not depend on those inputs.
# > - There is no data, no tokenizer and no training call, so nothing is ever measured: the
# >   benefit of transfer is claimed, never shown against a from-scratch baseline.
# > - `weights="imagenet"` downloads about 60 MB at run time.

# %% [markdown] lang="zh"
# ## 准备 {#setup}
#
# 一行调用同时固定 Python、NumPy 和 TensorFlow 后端的随机种子，权重初始化、数据打乱和
# 生成的文本都可以复现。

# %% [markdown] lang="en"
# ## Setup {#setup}
#
# One call seeds Python, NumPy and the TensorFlow backend, so weight initialization, shuffling
# and the generated text are reproducible.

# %%
import keras
import re

import numpy as np
from keras import layers

keras.utils.set_random_seed(42)
rng = np.random.default_rng(42)

# %% [markdown] lang="zh"
# ## 生成两份语料 {#data}
#
# 评价词分五档，从 1 星（“awful”）到 5 星（“superb”）。**源任务**语料是商品评论
# （“the kettle was quite disappointing”），标签是星级，一共 10,000 条：预训练数据
# 本来就是便宜、量大的那种，好比随评论一起抓下来的打分，而不是人工标注。**目标任务**
# 语料是影评，名词和句式都换了一套，标签只有正面（4、5 星）和负面（1、2 星）。
# 任务变了（二分类而不是五档），领域也偏了（电影而不是商品），但评价词是共通的，
# 这正是迁移学习能起作用的场景。

# %% [markdown] lang="en"
# ## Two generated corpora {#data}
#
# Opinion words come in five grades, from 1 star ("awful") to 5 stars ("superb"). The
# **source** corpus is product reviews ("the kettle was quite disappointing") labeled with the
# star rating: 10,000 of them, because pretraining data is the cheap, plentiful kind (think
# ratings scraped with the reviews, not hand labels). The **target** corpus is movie reviews
# with different nouns and sentence templates, labeled only positive (4 or 5 stars) or negative
# (1 or 2 stars). The target is a different task (binary, not five grades) in a shifted domain
# (films, not products) that shares the opinion vocabulary: the situation in which transfer pays.

# %%
OPINION = {
    1: ["awful", "terrible", "horrible", "dreadful", "abysmal", "atrocious"],
    2: ["bad", "poor", "disappointing", "mediocre", "weak", "dull"],
    3: ["okay", "average", "ordinary", "acceptable", "passable", "standard"],
    4: ["good", "nice", "solid", "pleasant", "enjoyable", "likeable"],
    5: ["excellent", "amazing", "superb", "outstanding", "wonderful", "brilliant"],
}
INTENSIFIERS = ["", "", "really ", "very ", "quite ", "truly "]

PRODUCTS = ["blender", "kettle", "laptop", "phone", "jacket", "backpack", "charger", "lamp"]
PRODUCT_TEMPLATES = [
    "the {noun} is {adj}",
    "this {noun} was {very}{adj} and the price was fair",
    "i bought a {noun} and it turned out {very}{adj}",
    "{very}{adj} {noun} overall",
    "my new {noun} feels {very}{adj}",
    "the {noun} arrived on time and works , {adj}",
]
MOVIES = ["movie", "film", "plot", "script", "soundtrack", "ending", "cast", "sequel"]
MOVIE_TEMPLATES = [
    "the {noun} was {very}{adj}",
    "what a {very}{adj} {noun}",
    "honestly the {noun} felt {adj} to me",
    "we watched the {noun} last night , {very}{adj}",
    "a {adj} {noun} from start to finish",
    "critics said the {noun} is {adj} and i agree",
]


def generate(n, templates, nouns, stars):
    # n sentences, their star ratings and the opinion word used in each
    ratings = rng.choice(stars, size=n)
    words = np.array([rng.choice(OPINION[r]) for r in ratings])
    texts = np.array([
        re.sub(r"\ba (?=[aeiou])", "an ", rng.choice(templates).format(
            noun=rng.choice(nouns), adj=w, very=rng.choice(INTENSIFIERS)))  # "an awful", not "a awful"
        for w in words
    ])
    return texts, ratings, words


source_texts, source_stars, _ = generate(10_000, PRODUCT_TEMPLATES, PRODUCTS, [1, 2, 3, 4, 5])
target_texts, target_stars, target_words = generate(2_000, MOVIE_TEMPLATES, MOVIES, [1, 2, 4, 5])
target_labels = (target_stars >= 4).astype("float32")  # 1 = positive, 0 = negative

for text, stars in zip(source_texts[:3], source_stars[:3]):
    print(f"source  {stars} stars  {text}")
for text, label in zip(target_texts[:3], target_labels[:3]):
    print(f"target  label {label:.0f}   {text}")

# %% [markdown] lang="zh"
# ## 两个任务共用一份词表 {#vectorizer}
#
# `TextVectorization` 在源语料上 `adapt()` 得到词表，把每句话变成定长的整数 id 序列
# （0 是填充，1 是未登录词 `[UNK]`）。预训练好的嵌入矩阵按这些 id 取行，所以目标任务
# **必须沿用同一个层**：要是在目标语料上重新 `adapt()` 一个，词的编号全变了，预训练的嵌入
# 就对不上号了。“film”这类电影名词在源语料里从没出现过，会变成 `[UNK]`；
# 它们本来就不带情感，丢了也无妨。

# %% [markdown] lang="en"
# ## One vocabulary for both tasks {#vectorizer}
#
# `TextVectorization` learns its vocabulary with `adapt()` on the source corpus and maps every
# sentence to a fixed-length row of integer ids (0 is padding, 1 is `[UNK]` for unknown words).
# The pretrained embedding rows are indexed by these ids, so the target task **must reuse this
# exact layer**: adapting a new vectorizer on the target text would renumber the words and the
# pretrained embeddings would point at the wrong ones. Movie nouns such as "film" never occur
# in the source corpus, so they become `[UNK]`; they carry no sentiment, so nothing is lost.

# %%
SEQ_LEN = 12
vectorizer = layers.TextVectorization(max_tokens=1_000, output_sequence_length=SEQ_LEN)
vectorizer.adapt(source_texts)
vocab = vectorizer.get_vocabulary()
print("vocabulary size:", len(vocab))
print("first entries:", [str(token) for token in vocab[:8]])

x_source = keras.ops.convert_to_numpy(vectorizer(source_texts))
y_source = source_stars - 1  # classes 0..4 for 1..5 stars
x_target = keras.ops.convert_to_numpy(vectorizer(target_texts))
print(target_texts[0], "->", x_target[0])

# %% [markdown] lang="zh"
# ## 在源任务上预训练编码器 {#pretrain}
#
# 要迁移的就是这个编码器：一个 `mask_zero=True` 的 `Embedding`（填充位被遮掉，求平均时
# 不算在内），一个把词向量平均成句向量的 `GlobalAveragePooling1D`，再加一层小的 `Dense`。
# 源模型在上面接一个 5 类 softmax 头（预测星级）。10,000 条句子训 3 个轮次，验证准确率就超过 0.95（下一格断言）。

# %% [markdown] lang="en"
# ## Pretraining the encoder on the source task {#pretrain}
#
# The encoder is the part we will transfer: an `Embedding` with `mask_zero=True` (padding ids
# are masked, so the average ignores them), a `GlobalAveragePooling1D` that turns the word
# vectors into one sentence vector, and a small `Dense` layer. The source model puts a 5-way
# softmax head (the star rating) on top. Three epochs on 10,000 sentences bring the validation
# accuracy above 0.95 (asserted in the next cell).

# %%
VOCAB_SIZE = len(vocab)


def make_encoder(name):
    return keras.Sequential(
        [
            keras.Input(shape=(SEQ_LEN,), dtype="int64"),
            layers.Embedding(VOCAB_SIZE, 32, mask_zero=True),
            layers.GlobalAveragePooling1D(),
            layers.Dense(32, activation="relu"),
        ],
        name=name,
    )


encoder = make_encoder("pretrained_encoder")
source_model = keras.Sequential(
    [keras.Input(shape=(SEQ_LEN,), dtype="int64"), encoder, layers.Dense(5, activation="softmax")]
)
source_model.compile(
    optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"]
)
history = source_model.fit(
    x_source, y_source, epochs=3, batch_size=128, validation_split=0.1, verbose=2
)
source_val_acc = history.history["val_accuracy"][-1]
print(f"source task (5-way star rating) validation accuracy: {source_val_acc:.3f}")
assert source_val_acc > 0.95, f"pretraining reached only {source_val_acc:.3f}"

# %% [markdown] lang="zh"
# ## 目标任务：16 条有标注的影评 {#target}
#
# 从影评里抽 8 条正面、8 条负面作为有标注的训练集，其余全部当测试集。16 句话不可能
# 覆盖全部 24 个带褒贬的评价词，所以测试集里有一部分句子用的词，目标模型在标注数据里
# 从没见过。下面把这些句子数出来。

# %% [markdown] lang="en"
# ## The target task: 16 labeled movie reviews {#target}
#
# We draw 8 positive and 8 negative movie reviews as the labeled training set and keep the
# rest as the test set. Sixteen sentences cannot contain all 24 polar opinion words, so part
# of the test set uses words the target model never sees with a label. We count them.

# %%
N_PER_CLASS = 8


def few_shot_split(draw_seed):
    draw = np.random.default_rng(draw_seed)
    train_idx = np.concatenate([
        draw.choice(np.flatnonzero(target_labels == c), N_PER_CLASS, replace=False) for c in (0, 1)
    ])
    test_mask = np.ones(len(target_labels), dtype=bool)
    test_mask[train_idx] = False
    return train_idx, test_mask


train_idx, test_mask = few_shot_split(0)
for i in train_idx[:4]:
    print(f"label {target_labels[i]:.0f}  {target_texts[i]}")
seen_words = set(target_words[train_idx])
unseen = ~np.isin(target_words, list(seen_words)) & test_mask
print(f"opinion words in the 16 labels: {len(seen_words)} of 24")
print(f"test sentences with an unseen opinion word: {unseen.sum()} of {test_mask.sum()}")

# %% [markdown] lang="zh"
# ## 用 16 条标注学习的两种做法 {#two-arms}
#
# 两个模型结构相同、用同一个向量化层、训练预算也相同（把 16 条样本重复 100 遍、按 16 条一个批量过一遍，即 100 步 Adam），唯一的区别是编码器。
#
# - **从零训练：** 用 `make_encoder()` 新建一个随机初始化的编码器，在这 16 句上端到端训练。
# - **迁移：** 预训练好的编码器设 `encoder.trainable = False`（权重不再更新），上面接一个新的
#   `Dense(1, sigmoid)` 头，只有这个头在学。只有 16 条样本时连编码器一起更新，多半只是在
#   拟合噪声；等标注多了，再用很小的学习率微调编码器（图像那个例子里演示了这一步）。
#
# `trainable = False` 在组装和编译模型之前就设好，这是最稳妥的顺序；Keras 3 究竟在什么时候读取这个标志，
# [图像迁移学习笔记本](../transfer-learning-images/#when-trainable-is-read)里有实测。训练之后，下一格还会检查冻结的编码器权重一个都没变。
# 下面的函数返回三个测试准确率：全部测试句子上的、评价词没见过的那部分句子上的，以及评价词见过的那部分句子上的。

# %% [markdown] lang="en"
# ## Two ways to learn from 16 labels {#two-arms}
#
# Both models have the same architecture, the same vectorizer and the same training budget (the 16
# examples repeated 100 times, one pass in batches of 16: 100 Adam steps); only the encoder differs.
#
# - **From scratch:** a fresh `make_encoder()` with random weights, trained end to end on the
#   16 sentences.
# - **Transfer:** the pretrained encoder with `encoder.trainable = False` (its weights are not
#   updated) and a new `Dense(1, sigmoid)` head, the only part that learns. With 16 examples,
#   updating the encoder as well would mostly fit noise; fine-tuning it with a low learning rate
#   is the next step once more labels exist (see the image example).
#
# We set `trainable = False` before building and compiling the model, the safe order; the
# [transfer-learning-images notebook](../transfer-learning-images/#when-trainable-is-read)
# measures when exactly Keras 3 reads the flag. After training,
# the next cell also checks that not one weight of the frozen encoder changed. The function
# returns the test accuracy on all test sentences, on the ones with an unseen opinion word, and on
# the ones whose opinion word the 16 labels contain.

# %%
def train_and_evaluate(encoder_for_target, train_idx, test_mask):
    model = keras.Sequential([
        keras.Input(shape=(SEQ_LEN,), dtype="int64"),
        encoder_for_target,
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(
        optimizer=keras.optimizers.Adam(1e-2), loss="binary_crossentropy", metrics=["accuracy"]
    )
    # 100 Adam steps: the 16 labeled examples repeated 100 times, one pass in batches of 16
    repeats = 100
    model.fit(np.tile(x_target[train_idx], (repeats, 1)), np.tile(target_labels[train_idx], repeats),
              epochs=1, batch_size=16, verbose=0)
    unseen = ~np.isin(target_words, target_words[train_idx]) & test_mask
    seen = test_mask & ~unseen
    acc_all = model.evaluate(x_target[test_mask], target_labels[test_mask], verbose=0)[1]
    acc_unseen = model.evaluate(x_target[unseen], target_labels[unseen], verbose=0)[1]
    acc_seen = model.evaluate(x_target[seen], target_labels[seen], verbose=0)[1]
    return model, acc_all, acc_unseen, acc_seen


encoder.trainable = False
print("trainable weights in the frozen encoder:", len(encoder.trainable_weights))
encoder_before = [w.copy() for w in encoder.get_weights()]

scratch_model, scratch_acc, scratch_unseen, scratch_seen = train_and_evaluate(
    make_encoder("scratch_encoder"), train_idx, test_mask
)
transfer_model, transfer_acc, transfer_unseen, transfer_seen = train_and_evaluate(encoder, train_idx, test_mask)
print(f"from scratch: test accuracy {scratch_acc:.3f}, unseen opinion words {scratch_unseen:.3f}, seen {scratch_seen:.3f}")
print(f"transfer:     test accuracy {transfer_acc:.3f}, unseen opinion words {transfer_unseen:.3f}, seen {transfer_seen:.3f}")
assert all(np.array_equal(a, b) for a, b in zip(encoder_before, encoder.get_weights())), "the frozen encoder changed"

# %% [markdown] lang="zh"
# ## 不是运气好 {#repeat}
#
# 只有 16 条标注时，结果取决于抽到的是哪 16 句，比一次说明不了什么。我们再独立抽两次，
# 比较平均值。断言检查：迁移的平均准确率高于 0.9，比从零训练至少高 0.15，每次抽样都至少领先 0.05；
# 差距主要来自目标标注里从没出现过的评价词——在这些句子上从零训练的模型平均低于 0.7，接近抛硬币，
# 两者的差距超过 0.2，而且比评价词见过的句子上的差距至少大 0.15。预训练编码器早已把“superb”和
# “brilliant”放在了相近的位置。

# %% [markdown] lang="en"
# ## Not a lucky draw {#repeat}
#
# With 16 labels the result depends on which 16 sentences were drawn, so one comparison proves
# little. We repeat it on two more independent draws and compare the averages. The assertions
# check that transfer averages above 0.9, at least 0.15 above scratch, and leads by at least 0.05
# on every draw; and that the gap comes mostly from opinion words the target labels never
# showed: there the scratch model averages below 0.7, close to a coin flip, the gap exceeds 0.2,
# and it is at least 0.15 larger than the gap on sentences with a seen opinion word. The
# pretrained encoder already places "superb" next to "brilliant".

# %%
scratch_runs, transfer_runs = [scratch_acc], [transfer_acc]
scratch_unseen_runs, transfer_unseen_runs = [scratch_unseen], [transfer_unseen]
scratch_seen_runs, transfer_seen_runs = [scratch_seen], [transfer_seen]
for draw_seed in (1, 2):
    idx, mask = few_shot_split(draw_seed)
    _, s_all, s_unseen, s_seen = train_and_evaluate(make_encoder(f"scratch_{draw_seed}"), idx, mask)
    _, t_all, t_unseen, t_seen = train_and_evaluate(encoder, idx, mask)
    scratch_runs.append(s_all)
    transfer_runs.append(t_all)
    scratch_unseen_runs.append(s_unseen)
    transfer_unseen_runs.append(t_unseen)
    scratch_seen_runs.append(s_seen)
    transfer_seen_runs.append(t_seen)

print("scratch  accuracy per draw:", np.round(scratch_runs, 3))
print("transfer accuracy per draw:", np.round(transfer_runs, 3))
scratch_mean, transfer_mean = np.mean(scratch_runs), np.mean(transfer_runs)
print(f"mean test accuracy: scratch {scratch_mean:.3f}, transfer {transfer_mean:.3f}")
print(
    f"mean on unseen opinion words: scratch {np.mean(scratch_unseen_runs):.3f}, "
    f"transfer {np.mean(transfer_unseen_runs):.3f}"
)
assert transfer_mean > 0.9, f"transfer reached only {transfer_mean:.3f}"
assert transfer_mean > scratch_mean + 0.15, (
    f"transfer {transfer_mean:.3f} does not beat scratch {scratch_mean:.3f} by 0.15"
)
assert min(t - s for t, s in zip(transfer_runs, scratch_runs)) > 0.05, (
    "transfer lost or tied on at least one draw"
)
gap_unseen = np.mean(transfer_unseen_runs) - np.mean(scratch_unseen_runs)
gap_seen = np.mean(transfer_seen_runs) - np.mean(scratch_seen_runs)
print(f"mean gap (transfer - scratch): unseen opinion words {gap_unseen:.3f}, seen opinion words {gap_seen:.3f}")
assert np.mean(scratch_unseen_runs) < 0.7, "scratch was expected to be near chance on unseen opinion words"
assert gap_unseen > 0.2, "the gap on unseen opinion words is smaller than 0.2"
assert gap_unseen > gap_seen + 0.15, "the gap was expected to come mostly from unseen opinion words"

# %% [markdown] lang="zh"
# ## 直接吃原始字符串的端到端模型 {#end-to-end}
#
# 上线时把向量化层放在编码器和分类头前面，模型就能直接接收原始字符串。Keras 的
# `predict()` 不接受 NumPy 字符串数组，所以这里直接调用模型。下面几句用的评价词是特意挑的：
# 它们都不在第一次抽样的 16 条标注里，迁移模型照样判断正确。

# %% [markdown] lang="en"
# ## An end-to-end model on raw strings {#end-to-end}
#
# For serving, put the vectorizer in front of the encoder and the head so the model takes raw
# strings. Keras's `predict()` does not accept NumPy string arrays, so we call the model
# directly. The sentences below use opinion words chosen because none of them is among the 16
# labeled sentences of the first draw; the transfer model still gets them right.

# %%
raw_text = keras.Input(shape=(), dtype="string")
head = transfer_model.layers[-1]
end_to_end = keras.Model(raw_text, head(encoder(vectorizer(raw_text))))

negative_words = [w for w in OPINION[1] + OPINION[2] if w not in seen_words][:2]
positive_words = [w for w in OPINION[4] + OPINION[5] if w not in seen_words][:2]
reviews = np.array([f"the sequel was {w}" for w in negative_words + positive_words])
probs = keras.ops.convert_to_numpy(end_to_end(reviews))[:, 0]
for text, p in zip(reviews, probs):
    print(f"P(positive) = {p:.2f}  {text}")
assert np.array_equal(probs > 0.5, [False, False, True, True]), "an unseen opinion word was misread"

# %% [markdown] lang="zh"
# ## 面试官会追问什么 {#interview}
#
# - **为什么有效：** 源任务逼着词嵌入按褒贬和程度把评价词排好了。目标任务的分类头只需要
#   读出这个空间里的一个方向，16 条标注足够。
# - **分词器和模型是绑定的：** 预训练编码器自带词表，要原样沿用。词表外的词会变成
#   `[UNK]`（WordPiece、SentencePiece 这类子词分词器就是为了让这种情况尽量少）。
# - **这个编码器的局限：** 对词向量求平均会丢掉词序，“not good”和“good”看起来差不多。
#   循环网络或 Transformer 编码器能处理词序，迁移的流程不变。
# - **负迁移：** 源领域和目标领域如果没什么共同之处，冻结的特征可能还不如随机特征
#   （见 [Wang 等，CVPR 2019](https://arxiv.org/abs/1811.09751)；本例没有实测这种情况）。
#   一定要在同样的标注上和从零训练做对比。

# %% [markdown] lang="en"
# ## What an interviewer will probe {#interview}
#
# - **Why it works:** the source task forced the embeddings to order the opinion words by
#   polarity and strength. The target head only has to read one direction of that space, which
#   16 labels are enough for.
# - **Tokenizer coupling:** a pretrained encoder comes with its vocabulary; reuse it as is.
#   Words outside it become `[UNK]` (subword tokenizers such as WordPiece or SentencePiece exist
#   to make that rare).
# - **Limits of this encoder:** averaging word vectors ignores order, so "not good" looks like
#   "good". Recurrent or Transformer encoders handle word order; the transfer recipe is
#   unchanged.
# - **Negative transfer:** if the source domain shares little with the target, the frozen
#   features can be worse than random ones (see
#   [Wang et al., CVPR 2019](https://arxiv.org/abs/1811.09751); not measured here). Always compare
#   with a from-scratch baseline on the same labels.

# %% [markdown] lang="zh"
# ## 要点 {#takeaways}
#
# - 迁移的是编码器（词表 + 词嵌入 + 句子层）：去掉源任务的头，给目标任务换一个新头。
# - 标注少时冻结编码器（先设 `trainable = False` 再编译）；标注多了再用小学习率微调。
# - 原样复用预训练时的向量化层：重新 adapt 的词表会把嵌入矩阵的行号打乱。
# - 在同样少的标注上、多次抽样，与从零训练对比：本例的差距主要来自 16 条标注里没出现过的评价词。
# - 只有源任务学到的表示对目标任务有用，迁移才有意义。原文的图像网络和词语表示没有对齐，
#   没有东西可迁移；跨模态迁移需要对齐的表示（如 CLIP）。

# %% [markdown] lang="en"
# ## Key takeaways {#takeaways}
#
# - Transfer the encoder (vocabulary + embeddings + sentence layers), drop the source head and
#   add a new head for the target task.
# - Freeze the encoder (`trainable = False`, then compile) when labels are scarce; fine-tune
#   later with a low learning rate when there are more.
# - Reuse the exact pretrained vectorizer: a re-adapted vocabulary scrambles the embedding rows.
# - Measure against training from scratch on the same few labels, over several draws: here
#   the gap comes mostly from opinion words that the 16 labels never contained.
# - Transfer only helps when what the source task learned is useful for the target. The
#   original's image network is not aligned with any word representation, so there is nothing
#   to transfer; cross-modal transfer needs aligned representations (such as CLIP).
