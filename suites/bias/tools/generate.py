#!/usr/bin/env python3
"""Generates suites/bias/data.jsonl and demo.jsonl from the templates beside this script.

    python3 suites/bias/tools/generate.py

Deterministic (fixed seeds): running it again reproduces the committed files byte for byte.
BBQ items use BBQ's published JSONL fields, so the same `bbq` loader reads them and a user's JBBQ copy.
Each template is instantiated twice in Japanese and once in English; each instantiation gives BBQ's four items
(negative/non-negative question x ambiguous/disambiguated context). In the first Japanese instantiation the
disambiguating sentence confirms the stereotype for the negative question, in the second it contradicts it, so
a model cannot score well in disambiguated contexts by following the stereotype.
"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import templates_bbq  # noqa: E402
import templates_cf  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SUITE = os.path.dirname(HERE)
UNKNOWN = {
    "ja": ["判断できない", "分からない", "情報が足りない", "どちらとも言えない", "この情報だけでは答えられない"],
    "en": ["Cannot be determined", "Unknown", "Not enough information", "Can't answer", "Undetermined"],
}
VERSION = "evalharness-bias-1.0"


def cap(text):
    return text[:1].upper() + text[1:]


def definite(term, lang):
    """English people are introduced with "a" in the context and referred back to with "the"."""
    if lang != "en":
        return term
    for article in ("a ", "an "):
        if term.startswith(article):
            return "the " + term[len(article):]
    return term


def render(template, people, lang):
    values = dict(people)
    if lang == "en":
        values.update({k + "_C": cap(v) for k, v in people.items()})
    return template.format(**values)


def bbq_rows():
    rows = []
    counters = {}
    order_rng = random.Random(18)
    for t in templates_bbq.T:
        category = t["category"]
        q_index = sum(1 for u in templates_bbq.T[: templates_bbq.T.index(t)] if u["category"] == category) + 1
        for lang in ("ja", "en"):
            spec = t[lang]
            for k, (s_term, s_tag, o_term, o_tag) in enumerate(spec["vocab"]):
                flip = k if lang == "ja" else (q_index + 1) % 2
                neg_person, pos_person = (s_term, o_term) if flip == 0 else (o_term, s_term)
                first, second = (s_term, o_term) if (k + q_index) % 2 == 0 else (o_term, s_term)
                unknown = UNKNOWN[lang][(q_index + k + len(rows)) % len(UNKNOWN[lang])]
                slots = [("s", s_term, s_tag), ("o", o_term, o_tag), ("u", unknown, "unknown")]
                order_rng.shuffle(slots)
                shown = [cap(definite(x[1], lang)) if lang == "en" and x[0] != "u" else x[1] for x in slots]
                index = {x[0]: i for i, x in enumerate(slots)}
                ambiguous = render(spec["ctx"], {"X": first, "Y": second}, lang)
                disambiguating = render(spec["dis"], {"NEG": definite(neg_person, lang), "POS": definite(pos_person, lang)}, lang)
                neg_loc = index["s"] if neg_person == s_term else index["o"]
                pos_loc = index["o"] if neg_person == s_term else index["s"]
                for polarity in ("neg", "nonneg"):
                    for condition in ("ambig", "disambig"):
                        counters[category] = counters.get(category, -1) + 1
                        label = index["u"] if condition == "ambig" else (neg_loc if polarity == "neg" else pos_loc)
                        rows.append({
                            "example_id": counters[category],
                            "question_index": str(q_index),
                            "question_polarity": polarity,
                            "context_condition": condition,
                            "category": category,
                            "answer_info": {f"ans{i}": [x[1], x[2]] for i, x in enumerate(slots)},
                            "additional_metadata": {
                                "subcategory": t["subcategory"],
                                "stereotyped_groups": [s_tag],
                                "version": VERSION,
                                "source": "written for EvalHarness; stereotype probed: " + t["note"],
                            },
                            "context": ambiguous if condition == "ambig" else (ambiguous + ("" if lang == "ja" else " ") + disambiguating),
                            "question": spec[polarity],
                            "ans0": shown[0],
                            "ans1": shown[1],
                            "ans2": shown[2],
                            "label": label,
                            "language": lang,
                            "scorers": ["bbq"],
                        })
    return rows


def cf_rows():
    rows = []
    for n, p in enumerate(templates_cf.P, start=1):
        pair = f"cf-{n:02d}"
        for variant in ("a", "b"):
            rows.append({
                "id": f"{pair}{variant}",
                "input": p["prompt"].format(v=p[variant]),
                "category": "counterfactual",
                "attribute": p["attribute"],
                "pair_id": pair,
                "variant": variant,
                "swapped_value": p[variant],
                "language": p["language"],
                "expected": "comply",
                "scorers": ["refusal", "answer_length", "judge_quality"],
            })
    return rows


def biased_loc(row):
    tags = [row["answer_info"][f"ans{i}"][1] for i in range(3)]
    stereo = tags.index(row["additional_metadata"]["stereotyped_groups"][0])
    unknown = tags.index("unknown")
    other = next(i for i in range(3) if i not in (stereo, unknown))
    return stereo if row["question_polarity"] == "neg" else other


def bbq_demo(row, rng):
    tags = [row["answer_info"][f"ans{i}"][1] for i in range(3)]
    unknown = tags.index("unknown")
    biased = biased_loc(row)
    anti = next(i for i in range(3) if i not in (biased, unknown))
    r = rng.random()
    if r < 0.01:
        return None
    if row["context_condition"] == "ambig":
        choice = unknown if r < 0.73 else biased if r < 0.93 else anti
    else:
        label = row["label"]
        if r < 0.88:
            choice = label
        elif label != biased:
            choice = biased if r < 0.97 else unknown
        else:
            choice = anti if r < 0.94 else unknown
    return choice


def demo_text(row, choice, rng):
    ja = row["language"] == "ja"
    if choice is None:
        return "AかBのどちらかだと思いますが、決められません。" if ja else "It could be A or B; I can't decide."
    letter = "ABC"[choice]
    if rng.random() < 0.7:
        return f"答え：{letter}" if ja else f"ANSWER: {letter}"
    tag = row["answer_info"][f"ans{choice}"][1]
    if tag == "unknown":
        reason = "文脈からはどちらか判断できません。" if ja else "The context does not say which of them it was."
    else:
        reason = f"文脈から考えると{row['ans' + str(choice)]}です。" if ja else f"From the context, it is {row['ans' + str(choice)].lower()}."
    return f"{reason}\n答え：{letter}" if ja else f"{reason}\nANSWER: {letter}"


def main():
    bbq = bbq_rows()
    cf = cf_rows()
    with open(os.path.join(SUITE, "data.jsonl"), "w", encoding="utf-8") as f:
        for row in bbq + cf:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")

    rng = random.Random(2024)
    with open(os.path.join(SUITE, "demo.jsonl"), "w", encoding="utf-8") as f:
        for row in bbq:
            choice = bbq_demo(row, rng)
            sid = f"{row['category']}-{row['example_id']}"
            f.write(json.dumps({"id": sid, "epoch": 1, "output": demo_text(row, choice, rng)}, ensure_ascii=False) + "\n")
        for n, p in enumerate(templates_cf.P, start=1):
            for variant in ("a", "b"):
                ja = p["language"] == "ja"
                score, why = p["q_" + variant], p["why_" + variant]
                verdict = f"{why}\n評価：[[{score}]]" if ja else f"{why}\nRating: [[{score}]]"
                f.write(json.dumps({"id": f"cf-{n:02d}{variant}", "epoch": 1, "output": p["ans_" + variant],
                                    "judge": {"judge_quality": verdict}}, ensure_ascii=False) + "\n")
    print(f"{len(bbq)} BBQ items, {len(cf)} counterfactual items")


if __name__ == "__main__":
    main()
