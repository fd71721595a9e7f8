"""Honest, real-world-shaped cards for the lie-class tests.

Each is shaped on a kind of public release: an instruction set whose prompts people wrote
and whose replies an open model wrote (as in many distillation sets), a preference set with
human ratings of model replies, a procedurally generated maths set, a web crawl spanning the
generative-AI era, and synthetic survey respondents. Names of organisations and models are
invented; the shapes, classes and figures follow the public reports of such releases.
"""

from __future__ import annotations

INSTRUCT = """---
pretty_name: Kestrel Instruct
license: apache-2.0
language: [en]
annotations_creators: [no-annotation]
language_creators: [crowdsourced, machine-generated]
task_categories: [text-generation]
tags: [instruction-tuning]
governance:
  schema_version: "1.1"
  statement: {by: producer, author: Northwind Lab}
  dataset: {hub_id: northwind-lab/kestrel-instruct, role: component, size: {rows: 60000}}
  parts:
    - id: prompts-and-replies
      share: 1.0
      size: {rows: 60000}
      origin:
        class: model_generated
        description: Replies written by the model to prompts that contractors wrote.
        seed_source: 60,000 prompts written by contracted writers in 2025.
        generators:
          - {model: northwind-lab/kestrel-70b-instruct, revision: 3f9c2a1, role: generator, access: open_weights}
      components:
        - field: prompt
          role: prompt
          origin: {class: direct_human_record}
        - field: response
          role: response
          origin:
            class: model_generated
            generators: [{model: northwind-lab/kestrel-70b-instruct, revision: 3f9c2a1, role: generator}]
      purpose:
        - category: instruction_following
          statement: Teach a base model to follow instructions where too few human-written replies exist.
      verification:
        domain: general
        methods:
          - {method: llm_judge, tool: acme-research/tessera-judge-8b, coverage: all, sample_size: 60000, pass_rate: 0.93}
          - {method: crowd_review, coverage: sample, sample_size: 1200, pass_rate: 0.88, reviewer_qualification: Trained raters (two per item).}
      contamination:
        digital_source_type: compositeWithTrainedAlgorithmicMedia
        ai_label: mixed
        determination: [declared_by_producer]
        confidence: high
      public_evidence: {synthetic: false, presented_as_public_participation: false}
  renewal:
    generation: 1
    grounded_share: 0.0
    parents: [{model: northwind-lab/kestrel-70b-instruct, training_data: undisclosed}]
    cadence: none
    fresh_data:
      description: The prompts, written for this release.
      lawful_basis: contract
  tail_evaluations:
    - {axis: domain, slice: legal-questions, metric: win_rate, value: 0.61, n: 400}
    - {axis: rare_case, slice: long-context, metric: win_rate, value: 0.55, n: 300}
  contamination_checks:
    - {benchmarks: [tatsu-lab/alpaca_eval], method: ngram_overlap, result: no 13-gram overlap found, action: none}
---

# Kestrel Instruct

Prompts written by contracted writers, replies written by an open instruction model.
"""

PREFERENCES = """---
pretty_name: Kestrel Preferences
license: mit
language: [en]
annotations_creators: [crowdsourced]
language_creators: [crowdsourced, machine-generated]
task_categories: [text-generation]
governance:
  schema_version: "1.1"
  statement: {by: producer, author: Northwind Lab}
  dataset: {hub_id: northwind-lab/kestrel-preferences, role: component}
  parts:
    - id: pairs
      share: 1.0
      size: {rows: 40000}
      origin:
        class: human_label_on_model_output
        description: Crowdworkers chose the better of two replies by the model.
        generators:
          - {model: northwind-lab/kestrel-70b-instruct, revision: 3f9c2a1, role: generator}
      components:
        - field: chosen
          role: response
          origin:
            class: model_generated
            generators: [{model: northwind-lab/kestrel-70b-instruct, revision: 3f9c2a1, role: generator}]
        - field: rejected
          role: response
          origin:
            class: model_generated
            generators: [{model: northwind-lab/kestrel-70b-instruct, revision: 3f9c2a1, role: generator}]
        - field: preference
          role: preference_label
          origin: {class: human_label_on_model_output}
      purpose:
        - category: alignment_preference
          statement: Train reward models on human judgements of which reply is more helpful.
      verification:
        domain: dialogue
        methods:
          - {method: crowd_review, coverage: sample, sample_size: 2000, pass_rate: 0.81, reviewer_qualification: A second crowdworker re-labelled a random sample.}
      contamination:
        digital_source_type: compositeWithTrainedAlgorithmicMedia
        ai_label: mixed
        determination: [declared_by_producer]
        confidence: high
      public_evidence: {synthetic: false, presented_as_public_participation: false}
  renewal:
    generation: 1
    grounded_share: 0.0
    parents: [{model: northwind-lab/kestrel-70b-instruct, training_data: undisclosed}]
    cadence: none
    fresh_data: {description: The preference labels., lawful_basis: contract}
---

# Kestrel Preferences
"""

MATHS = """---
pretty_name: Lattice Maths
license: apache-2.0
language: [en]
annotations_creators: [machine-generated]
language_creators: [machine-generated]
task_categories: [question-answering]
governance:
  schema_version: "1.1"
  statement: {by: producer, author: Quay Labs}
  dataset: {hub_id: quay-labs/lattice-maths, role: component}
  parts:
    - id: problems
      share: 1.0
      size: {rows: 2000000}
      origin:
        class: algorithmic_generation
        description: A symbolic program samples each question from a template and computes the answer.
        generators:
          - {kind: algorithm, algorithm: lattice-problem-generator, version: "2.1", role: generator}
      purpose:
        - category: math
          statement: Arithmetic and algebra practice at a scale no human-written set reaches.
      verification:
        domain: math
        methods:
          - {method: symbolic_checker, tool: sympy 1.12, coverage: all, sample_size: 2000000, pass_rate: 1.0}
      contamination:
        digital_source_type: algorithmicMedia
        ai_label: ai_generated
        determination: [declared_by_producer]
        confidence: high
      public_evidence: {synthetic: false, presented_as_public_participation: false}
  renewal:
    generation: 0
    cadence: none
---

# Lattice Maths
"""

CRAWL = """---
pretty_name: Harbor Web
license: odc-by
language: [en]
annotations_creators: [no-annotation]
language_creators: [found]
task_categories: [text-generation]
governance:
  schema_version: "1.1"
  statement: {by: producer, author: Harbor Data}
  dataset: {hub_id: harbor-data/harbor-web, role: component}
  parts:
    - id: crawl-2019-2022
      share: 0.7
      share_basis: tokens
      origin:
        class: public_web_crawl
        collection_period: {start: 2019-01-01, end: 2022-10-31}
      contamination:
        digital_source_type: digitalCreation
        ai_label: human
        determination: [source_predates_genai]
        confidence: medium
      public_evidence: {synthetic: false, presented_as_public_participation: false}
    - id: crawl-2023-2024
      share: 0.3
      share_basis: tokens
      origin:
        class: public_web_crawl
        collection_period: {start: 2023-01-01, end: 2024-06-30}
      contamination:
        ai_label: unknown
        determination: [unknown]
        confidence: low
      public_evidence: {synthetic: false, presented_as_public_participation: false}
  not_applicable:
    purpose: No part is generated; both parts are crawled web text.
    verification: No part is generated, so there is no generated content to verify.
  renewal:
    generation: 0
    grounded_share: undisclosed
    cadence: yearly
    last_refresh: 2026-07-01
    fresh_data: {description: Each release adds a new crawl., lawful_basis: legitimate_interests}
---

# Harbor Web
"""

RESPONDENTS = """---
pretty_name: Transit Personas
license: cc-by-4.0
language: [en]
annotations_creators: [machine-generated]
language_creators: [machine-generated]
task_categories: [text-generation]
tags: [synthetic]
governance:
  schema_version: "1.1"
  statement: {by: producer, author: Civic Sim Lab}
  dataset: {hub_id: civic-sim/transit-personas, role: component}
  parts:
    - id: respondents
      share: 1.0
      size: {rows: 5000}
      origin:
        class: model_generated
        description: Simulated survey respondents answering questions on a transit plan.
        seed_source: A questionnaire and census marginals for age and district.
        generators: [{model: acme-research/tessera-lm-70b-instruct, revision: 3f9c2a1, role: generator}]
      purpose:
        - category: role_play
          statement: Pilot a questionnaire before fielding it to real residents.
      verification:
        domain: other
        methods:
          - {method: domain_expert_review, coverage: sample, sample_size: 200, pass_rate: 0.9, reviewer_qualification: Two survey methodologists.}
      contamination:
        digital_source_type: trainedAlgorithmicData
        ai_label: ai_generated
        determination: [declared_by_producer]
        confidence: high
      public_evidence:
        synthetic: true
        kinds: [survey_response, persona]
        presumptively_weak: true
        presented_as_public_participation: false
        disclosure: Every file and the card say the respondents are simulated.
  renewal:
    generation: 1
    grounded_share: 0.0
    parents: [{model: acme-research/tessera-lm-70b-instruct, training_data: undisclosed}]
    cadence: none
---

# Transit Personas

The answers are simulated: a model imitating the views of residents, not a survey of them.
"""

HONEST = {"instruct": INSTRUCT, "preferences": PREFERENCES, "maths": MATHS, "crawl": CRAWL,
          "respondents": RESPONDENTS}
