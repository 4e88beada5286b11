#!/usr/bin/env python3
"""sumy LexRank speed over the EASC dev texts, measured on this machine (issue 4).

The issue's yardstick is "sumy LexRank does 0.24 MB/s"; a shared machine's speed changes from
hour to hour, so `scripts/bench_process.sh --sumy` runs this beside khulasa and reports the
ratio of the two measured on the same machine in the same minutes.

    python3 scripts/sumy_speed.py DEV.jsonl [RUNS]

Every article is split with the peer protocol's rules (ROUGE-PROTOCOL.md §6: a sentence ends
after a run of . ! ? ؟ ！ ‼ … ۔ plus closing quotes/brackets, not at a '.' between digits; every
newline ends one; a piece without a token joins the previous sentence), tokenized as the
metric does (`[^\\W_]+`), without stemmer or stop words (sumy's defaults; the cheapest
setting), and summarized with LexRankSummarizer to about a third of its sentences. Prints one
line per run: seconds for all articles (summarization only, Python start and imports
excluded) and MB/s of article text (UTF-8 bytes). Needs `pip install sumy`.
"""
import json
import re
import sys
import time

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.summarizers.lex_rank import LexRankSummarizer

TOKEN = re.compile(r"[^\W_]+")
END = re.compile(r"(?:[.!?؟！‼…۔]+[\"'»”’)\]]*)")


class Tokenizer:
    """The metric's tokens; sumy only calls `to_words` on a ready sentence."""

    language = "arabic"

    @staticmethod
    def to_words(text):
        return TOKEN.findall(text)


def split_sentences(text):
    sentences = []
    for line in text.split("\n"):
        start = 0
        for m in END.finditer(line):
            end = m.end()
            run = m.group(0)
            before = line[m.start() - 1] if m.start() > 0 else ""
            after = line[end] if end < len(line) else ""
            if run == "." and before.isdigit() and after.isdigit():
                continue
            sentences.append(line[start:end])
            start = end
        sentences.append(line[start:])
    out = []
    for s in sentences:
        if TOKEN.search(s) is None:
            if out:
                out[-1] += s
            continue
        out.append(s.strip())
    return out


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8") if line.strip()]
    size = sum(len(t.encode("utf-8")) for t in texts)
    tokenizer = Tokenizer()
    for _ in range(runs):
        t0 = time.perf_counter()
        for text in texts:
            sents = [Sentence(s, tokenizer) for s in split_sentences(text)]
            if not sents:
                continue
            document = ObjectDocumentModel([Paragraph(sents)])
            summarizer = LexRankSummarizer()
            summarizer(document, max(1, round(len(sents) / 3)))
        seconds = time.perf_counter() - t0
        print(f"sumy LexRank: {seconds:.3f} s for {size} bytes = {size / seconds / 1e6:.3f} MB/s", flush=True)


if __name__ == "__main__":
    main()
