"""Write a deterministic corpus of governance-rich dataset cards for benchmarks.

Card `i` depends only on `i` and the seed, so any prefix of the corpus is the same on
every machine. About 5 KB each: Hub metadata with configs, a governance block with two
to four parts (origin, generators, purpose, verification, AI-content label, public
evidence), renewal, tail evaluations and contamination checks. Roughly one card in five
carries a realistic mistake (a misspelt enum value, shares that do not sum to 1, a
missing verification, a TODO), so rules report findings as they do on real cards.

Layout: `ROOT/<i // 1000 as 3 digits>/<i as 6 digits>/README.md`; a directory walk finds
them, and the first thousand cards are `ROOT/000/`.

    python benchmarks/generate.py /tmp/cards 10000
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

SEED = 20261124
SHARD = 1000

LANGUAGES = ["en", "de", "fr", "hi", "sw", "yo", "es", "pt", "ja", "ar", "id", "vi"]
LICENSES = ["mit", "apache-2.0", "cc-by-4.0", "cc-by-sa-4.0", "odc-by", "cdla-permissive-2.0"]
SYNTHETIC = ["model_generated", "human_edited_model_output", "generated_preference_label", "simulation"]
GROUNDED = ["direct_human_record", "licensed_corpus", "public_web_crawl"]
PURPOSES = {"model_generated": ["math", "code", "reasoning", "instruction_following", "distillation"],
            "human_edited_model_output": ["summarization", "translation", "instruction_following"],
            "generated_preference_label": ["alignment_preference"],
            "simulation": ["rare_case_augmentation", "tool_use", "role_play"]}
METHODS = {"math": ("symbolic_checker", "SymPy", "1.13.3"), "code": ("executed_tests", "pytest", "8.3.3"),
           "reasoning": ("reference_match", "exact-match", "1.0"), "summarization": ("crowd_review", "rater pool", ""),
           "translation": ("domain_expert_review", "bilingual editors", ""),
           "alignment_preference": ("reward_model", "acme/rm-8b", "rm-2026-08"),
           "instruction_following": ("llm_judge", "acme/judge-70b", "v2"),
           "distillation": ("rule_filter", "dedup + length filter", "0.4.0"),
           "rare_case_augmentation": ("domain_expert_review", "clinicians", ""),
           "tool_use": ("executed_tests", "sandboxed API replay", "1.2"), "role_play": ("crowd_review", "raters", "")}
DOMAINS = {"math": "math", "code": "code", "reasoning": "reasoning", "translation": "multilingual"}
MODELS = ["acme-research/tessera-lm-70b-instruct", "acme-research/tessera-coder-34b", "open-lab/lumen-8b",
          "meridian/orca-mini-13b", "northwind/atlas-405b"]
BENCHMARKS = ["openai/gsm8k", "EleutherAI/hendrycks_math", "openai/openai_humaneval", "cais/mmlu",
              "google-research-datasets/mbpp", "allenai/ai2_arc"]
LABELER = ["          - model: acme-research/tessera-rm-8b", '            revision: "rm-1"',
           "            role: labeler"]
WORDS = ("data card governance synthetic human written verified sample model review local language rare "
         "evaluation consent renewal release quarterly writers prompts answers solutions checked filtered").split()


def sentence(rnd: random.Random, low: int = 8, high: int = 20) -> str:
    words = [rnd.choice(WORDS) for _ in range(rnd.randint(low, high))]
    return " ".join(words).capitalize() + "."


def card(index: int, seed: int = SEED) -> str:
    """The text of card `index`."""
    rnd = random.Random(seed * 1_000_003 + index)
    languages = rnd.sample(LANGUAGES, rnd.randint(1, 4))
    mistake = rnd.random() < 0.2 and rnd.choice(["enum", "shares", "verification", "todo", "typo"])
    parts = []
    kinds = [rnd.choice(GROUNDED)] + [rnd.choice(SYNTHETIC) for _ in range(rnd.randint(1, 3))]
    shares = [round(1 / len(kinds), 3)] * len(kinds)
    shares[0] = round(1 - sum(shares[1:]), 3)
    if mistake == "shares":
        shares[0] = round(shares[0] + 0.2, 3)
    total_rows = rnd.randint(10_000, 900_000)
    for number, (origin, share) in enumerate(zip(kinds, shares, strict=True)):
        rows = round(total_rows * share)
        parts.append(part(rnd, number, origin, share, rows, mistake if number == len(kinds) - 1 else False))
    lines = [
        "---",
        f"pretty_name: Bench Dataset {index}",
        f"license: {rnd.choice(LICENSES)}",
        "language:",
        *[f"  - {lang}" for lang in languages],
        f"multilinguality: {'multilingual' if len(languages) > 1 else 'monolingual'}",
        "size_categories:",
        f"  - {rnd.choice(['10K<n<100K', '100K<n<1M', '1M<n<10M'])}",
        "task_categories:",
        "  - text-generation",
        "tags:",
        "  - synthetic",
        f"  - {rnd.choice(['math', 'code', 'dialogue', 'translation'])}",
        "configs:",
        *[line for p in range(len(kinds)) for line in (
            f"  - config_name: part-{p}",
            "    data_files:",
            "      - split: train",
            f"        path: data/part-{p}/train-*.parquet",
        )],
        "governance:",
        '  schema_version: "1.0"',
        "  parts:",
        *parts,
        "  renewal:",
        f"    grounded_share: {shares[0]}",
        f"    generation: {rnd.randint(1, 2)}",
        "    parents:",
        f"      - id: bench-org/seed-{index % 97:03d}",
        f"        share: {shares[0]}",
        "        generation: 0",
        f"    cadence: {rnd.choice(['quarterly', 'monthly', 'yearly', 'P6M'])}",
        f"    last_refresh: 2026-{rnd.randint(9, 11):02d}-{rnd.randint(1, 20):02d}",
        "    fresh_data:",
        f"      description: {sentence(rnd)}",
        "      lawful_basis: consent",
        "      consent_documentation: docs/contributor-consent.md",
        "  tail_evaluations:",
        *[line for lang in languages for line in (
            "    - axis: language",
            f"      slice: {lang}",
            "      metric: accuracy",
            f"      value: {rnd.uniform(0.3, 0.9):.3f}",
            f"      n: {rnd.randint(100, 2000)}",
            f"      baseline: {{value: {rnd.uniform(0.3, 0.9):.3f}, description: Same model without this dataset.}}",
            f"      date: 2026-{rnd.randint(1, 10):02d}-{rnd.randint(1, 28):02d}",
        )],
        "  contamination_checks:",
        f"    - benchmarks: [{', '.join(rnd.sample(BENCHMARKS, 2))}]",
        f"      method: {rnd.choice(['ngram_overlap', 'exact_match', 'embedding_similarity'])}",
        f"      result: {sentence(rnd, 6, 12)}",
        f"      overlap_rate: {rnd.uniform(0, 0.01):.4f}",
        f"      action: {rnd.choice(['removed', 'flagged', 'none'])}",
        "---",
        "",
        f"# Bench Dataset {index}",
        "",
        *[sentence(rnd, 12, 30) for _ in range(rnd.randint(3, 8))],
        "",
    ]
    return "\n".join(lines)


def part(rnd: random.Random, number: int, origin: str, share: float, rows: int, mistake: str | bool) -> str:
    lines = [
        f"    - id: part-{number}",
        f"      description: {sentence(rnd)}",
        f"      config_name: part-{number}",
        "      split: train",
        f"      size: {{rows: {rows}, bytes: {rows * rnd.randint(200, 4000)}}}",
        f"      share: {share}",
        "      origin:",
        f"        class: {'model_generatd' if mistake == 'enum' else origin}",
    ]
    synthetic = origin in SYNTHETIC
    if synthetic:
        lines += [
            "        generators:",
            f"          - model: {rnd.choice(MODELS)}",
            f'            revision: "{rnd.getrandbits(28):07x}"',
            "            role: generator",
            *(LABELER if origin == "generated_preference_label" else []),
            f"        seed_source: {sentence(rnd, 5, 10)}",
        ]
    else:
        lines += [f"        description: {sentence(rnd)}"]
        if origin == "public_web_crawl":
            lines += [f"        license: {rnd.choice(LICENSES)}"]
    lines += [f"        collection_period: {{start: 2025-0{rnd.randint(1, 9)}-01, end: 2026-0{rnd.randint(1, 9)}-28}}"]
    if synthetic:
        category = rnd.choice(PURPOSES[origin])
        method, tool, version = METHODS[category]
        lines += [
            "      purpose:",
            f"        category: {category}",
            f"        statement: {'TODO' if mistake == 'todo' else sentence(rnd)}",
        ]
        if mistake != "verification":
            lines += [
                "      verification:",
                f"        domain: {DOMAINS.get(category, 'general')}",
                "        methods:",
                f"          - method: {method}",
                f"            tool: {tool}",
                *([f'            tool_version: "{version}"'] if version else []),
                f"            sample_size: {rnd.randint(500, 50_000)}",
                f"            pass_rate: {rnd.uniform(0.6, 0.99):.3f}",
                *(["            reviewer_qualification: Domain experts with five years of practice."]
                  if method in ("domain_expert_review", "crowd_review") else []),
                f"            {'notse' if mistake == 'typo' else 'notes'}: {sentence(rnd)}",
            ]
    lines += [
        "      contamination:",
        f"        digital_source_type: {'trainedAlgorithmicData' if synthetic else 'digitalCreation'}",
        f"        ai_label: {'ai_generated' if synthetic else 'human'}",
        f"        involvement: {{written: {'machine' if synthetic else 'human'}, edited: none, verified: mixed}}",
        "        determination: [declared_by_producer]",
        "        confidence: high",
        *([f"        estimated_ai_share: {rnd.uniform(0.01, 0.2):.3f}", "        estimate_method: classifier sample"]
          if origin == "public_web_crawl" else []),
        "      public_evidence:",
        "        synthetic: false",
        "        presented_as_public_participation: false",
    ]
    return "\n".join(lines)


def card_path(root: Path, index: int) -> Path:
    return root / f"{index // SHARD:03d}" / f"{index:06d}" / "README.md"


def generate(root: Path, count: int, seed: int = SEED) -> int:
    """Write cards 0..count-1 under `root` (existing ones are kept); returns bytes written."""
    written = 0
    for index in range(count):
        path = card_path(root, index)
        if path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        data = card(index, seed).encode("utf-8")
        path.write_bytes(data)
        written += len(data)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    written = generate(args.root, args.count, args.seed)
    print(f"{args.count} cards under {args.root} ({written / 1e6:.1f} MB written)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
