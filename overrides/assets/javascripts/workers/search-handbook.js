// The theme's search worker, with each query's English words stemmed first (hooks/search.py).
//
// The index holds stems (lunr's English stemmer: overfitting -> overfit, recall -> recal), and the
// theme matches every query word as a prefix of the index's words without stemming it, so a word
// the stemmer changes found nothing. Stemming the query's words with the same stemmer makes them
// prefixes of the stems they share. Chinese words pass through: the theme cuts them with the
// words of the index. The theme's worker is this file's ?material= neighbour; it is loaded here, in
// the same folder, so that the language files it loads resolve as they always do.

const material = new URL(self.location.href).searchParams.get("material")
let handle = null
const listen = self.addEventListener.bind(self)
self.addEventListener = (type, handler, ...options) =>
  type === "message" ? (handle = handler) : listen(type, handler, ...options)
importScripts(material)
self.addEventListener = listen

const SETUP = 0, QUERY = 2 // the theme's SearchMessageType
let separator = /[\s\-]+/

// The theme cuts each run of Chinese characters into words of the index, but never tries a word
// that ends at the run's last character (its loop stops one short): 联邦学习 became 联邦 + 学.
// A character no page uses, appended to each run, lets the last word be found; it is never part
// of a word, so it never reaches the query.
const END = "\u3007"

function stem(query) {
  // Quoted phrases and lunr syntax (+word, -word, word~1, field:word, word*) are left as typed.
  if (typeof lunr === "undefined" || /(^|\s)[+-]|[":~^*]/.test(query))
    return query.replace(/\p{sc=Han}+/gu, run => run + END)
  // Cut the query where the index cut the pages (camelCase, hyphens, dots), then stem.
  const words = query.split(separator).filter(word => word)
  // Without "and", "of", "the": in a query of several words they would outweigh the rare ones.
  const kept = words.filter(word => !/^[A-Za-z]+$/.test(word) ||
    lunr.stopWordFilter(new lunr.Token(word.toLowerCase())) !== undefined)
  return (kept.length ? kept : words)
    .map(word => /^[A-Za-z]+$/.test(word)
      ? lunr.stemmer(new lunr.Token(word.toLowerCase())).toString()
      : word)
    .join(" ")
    .replace(/\p{sc=Han}+/gu, run => run + END)
}

// Every reply of the theme's worker comes back here first: a query may need two of them.
const reply = self.postMessage.bind(self)
let capture = null
self.postMessage = data => capture ? capture(data) : reply(data)

function ask(message) {
  return new Promise(resolve => {
    capture = resolve
    handle({ data: message })
  }).finally(() => { capture = null })
}

const pageOf = group => group[0].location.split("#")[0]

// A query of several words asks twice: once for sections that hold every word, once for any word.
// Pages holding every word come first, then the rest in the theme's order.
async function respond(message) {
  if (!message || message.type !== QUERY)
    return reply(await ask(message))
  const query = stem(message.data)
  const words = query.split(" ").filter(word => word)
  const any = await ask({ ...message, data: query })
  if (words.length < 2 || /(^|\s)[+-]|[":~^*]/.test(message.data))
    return reply(any)
  // Whole stems, except the last word, which the reader may still be typing: "mode collapse"
  // should not match "model".
  const every = await ask({ ...message, data: words.map((word, i) =>
    /^\w+$/.test(word) && i === words.length - 1 ? `+${word}*` : `+${word}`).join(" ") })
  const first = every.data.items
  const seen = new Set(first.map(pageOf))
  const items = [...first, ...any.data.items.filter(group => !seen.has(pageOf(group)))]
  return reply({ ...any, data: { ...any.data, items } })
}

let queue = Promise.resolve()
listen("message", event => {
  const message = event.data
  if (message && message.type === SETUP)
    separator = new RegExp(message.data.config.separator)
  queue = queue.then(() => respond(message))
})
