"""Mutation testing with mutmut, one target at a time, in a scratch copy (docs/mutacion.md).

    .venv/bin/python scripts/mutation.py TARGET [--min-score N] [--keep DIR [--report-only]] [--show]

TARGET is a name of ``TARGETS`` below (``quick`` is what ``.ci/run`` runs) or ``all``. Each
target mutates a few modules and runs only the fast tests written for them, so a run takes
minutes, not hours, on two shared cores. The copy lives in a temporary folder: the checkout
and its ``mutants/`` are never touched, and two targets can run side by side.

Prints the score (killed / (killed + survived), the reviewed equivalent mutants of
``EQUIVALENT`` left out) and the surviving mutants (as diffs with ``--show``); exits 1 when the
score is below ``--min-score``.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COPIED = ("sgdesk", "tests", "data", "resources", "docs", "pyproject.toml")

# name: (modules to mutate, tests that must kill them)
# fmt: off
TARGETS: dict[str, tuple[list[str], list[str]]] = {
    "quick": (["sgdesk/content/dates.py"], ["tests/content/test_dates.py"]),
    "timeline": (
        ["sgdesk/content/timeline.py", "sgdesk/content/timeline_events.py", "sgdesk/content/dates.py"],
        ["tests/content/test_timeline.py", "tests/content/test_timeline_synthetic.py",
         "tests/content/test_dates.py", "tests/content/test_later_changes.py",
         # the names timeline.py gives from timeline_events.py (its __getattr__: session 8)
         "tests/test_lazy_names.py"],
    ),
    "query": (
        ["sgdesk/content/query.py", "sgdesk/content/citations.py", "sgdesk/content/cited.py",
         "sgdesk/content/text.py"],
        ["tests/content/test_query.py", "tests/content/test_query_grammar.py",
         "tests/content/test_text_and_citations.py", "tests/content/test_citations_table.py",
         # the word being typed, synonyms (session 5) and plain words' short cut (session 7)
         "tests/content/test_forgiving_query.py", "tests/content/test_query_citation_marks.py",
         "tests/test_search_fast_paths.py",
         # typing, exclusions, quoted forms; a synonym's NEAR; citations' lazy names (session 8)
         "tests/content/test_query_typing_and_exclusions.py", "tests/store/test_synonym_near.py",
         "tests/test_lazy_names.py"],
    ),
    "content-rest": (
        ["sgdesk/content/amendments.py", "sgdesk/content/highlight.py", "sgdesk/content/indexing.py",
         "sgdesk/content/model.py", "sgdesk/content/records.py", "sgdesk/content/events.py",
         "sgdesk/content/stemming.py"],
        # (test_lazy_names: the names model.py gives from records.py and events.py, session 8)
        ["tests/content", "tests/store/test_search.py", "tests/test_lazy_names.py"],
    ),
    "sources": (["sgdesk/content/sources.py"],
                ["tests/content/test_sources_messages.py", "tests/content/test_sources.py",
                 "tests/content/test_later_changes.py"]),
    # the smaller content modules, each with its own tests ("content" runs every content target)
    "currency": (["sgdesk/content/currency.py"],
                 ["tests/content/test_currency.py", "tests/content/test_later_changes.py"]),
    "ranking": (["sgdesk/content/ranking.py"], ["tests/content/test_ranking.py"]),
    "forgiving": (["sgdesk/content/compounds.py", "sgdesk/content/spelling.py", "sgdesk/content/synonyms.py"],
                  ["tests/content/test_forgiving_query.py", "tests/content/test_forgiving_words.py"]),
    "annotations": (["sgdesk/content/annotations.py"], ["tests/content/test_annotations.py"]),
    "links": (["sgdesk/content/links.py"],
              ["tests/content/test_links.py", "tests/content/test_links_messages.py"]),
    "anchoring": (["sgdesk/content/anchoring.py"],
                  ["tests/content/test_anchoring.py", "tests/content/test_anchoring_edges.py",
                   "tests/content/test_anchoring_edits.py"]),
    # the lazily given names (#11 start-up) of model, citations, timeline and the reading pane
    "lazy-names": (["sgdesk/lazy_names.py"], ["tests/test_lazy_names.py"]),
    "notes-file": (["sgdesk/content/notes_file.py"],
                   ["tests/content/test_notes_file.py", "tests/test_notes.py",
                    "tests/test_notes_import_fuzz.py"]),
    # sgdesk/store, one module (or a small pair) at a time: "store" runs them all in turn.
    "store-search": (["sgdesk/store/search.py"],
                     ["tests/store/test_search.py", "tests/store/test_search_grammar.py",
                      "tests/store/test_expressions.py", "tests/store/test_search_edges.py",
                      "tests/store/test_forgiving_search.py", "tests/store/test_search_grammar_forgiving.py",
                      "tests/test_library_synthetic.py", "tests/store/test_search_store.py",
                      "tests/store/test_rank_sample.py", "tests/store/test_empty_search_probe.py",
                      "tests/test_search_fast_paths.py"]),
    "store-vocab": (["sgdesk/store/vocab.py", "sgdesk/store/fts_probe.py"],
                    ["tests/store/test_vocab_store.py", "tests/store/test_forgiving_search.py",
                     "tests/store/test_search_grammar_forgiving.py", "tests/store/test_search.py",
                     # (session 8) the probe's own tests, and a word known only by its stem
                     "tests/store/test_empty_search_probe.py", "tests/test_library_synthetic.py"]),
    "store-db": (["sgdesk/store/db.py"],
                 ["tests/store/test_open.py", "tests/store/test_truncation.py",
                  "tests/store/test_hostile_database.py", "tests/store/test_db_messages.py"]),
    "store-build": (["sgdesk/store/build.py", "sgdesk/store/schema.py"],
                    ["tests/store/test_build_roundtrip.py", "tests/store/test_build.py",
                     "tests/store/test_build_report.py",
                     "tests/store/test_hostile_database.py", "tests/store/test_open.py",
                     "tests/test_library.py",
                     "tests/store/test_vocab_store.py"]),  # (schema.fts_phrase: a quote in a word)
    "store-corpus": (
        ["sgdesk/store/corpus.py"],
        ["tests/store/test_corpus_store.py", "tests/test_library.py", "tests/test_library_synthetic.py",
         "tests/store/test_hostile_database.py", "tests/store/test_search_edges.py",
         "tests/export/test_repeals.py", "tests/export/test_as_of.py", "tests/content/test_later_changes.py",
         "tests/store/test_hit_nodes.py"],
    ),
    "store-packing": (["sgdesk/store/packing.py"],
                      ["tests/store/test_packing.py", "tests/packs/test_install.py",
                       "tests/packs/test_refusals.py"]),
    "store-user": (["sgdesk/store/userdb.py", "sgdesk/store/usernotes.py"],
                   ["tests/store/test_userdb.py", "tests/store/test_userdb_edges.py",
                    "tests/store/test_usernotes_store.py", "tests/store/test_userdb_unwritable_file.py",
                    "tests/test_notes.py",
                    "tests/test_notes_search.py",
                    "tests/test_notes_import_fuzz.py"]),
    "library": (["sgdesk/library.py", "sgdesk/search_results.py"],
                ["tests/test_library.py", "tests/test_library_synthetic.py", "tests/export/test_as_of.py",
                 "tests/export/test_repeals.py", "tests/store/test_search_edges.py",
                 "tests/store/test_forgiving_search.py", "tests/content/test_later_changes.py",
                 "tests/content/test_timeline.py", "tests/test_seed_verbatim.py", "tests/test_recipes.py",
                 "tests/test_search_pinned.py", "tests/test_search_fast_paths.py"]),
}
# fmt: on
# Several targets run one after another (each reports its own score).
GROUPS: dict[str, list[str]] = {
    "store": [n for n in TARGETS if n.startswith("store-")],
    "content": [n for n, (mods, _) in TARGETS.items() if n != "quick" and "/content/" in mods[0]],
}

_AN = "sgdesk.content.anchoring."
_NF = "sgdesk.content.notes_file."
# Mutants that cannot change what the program does (reviewed one by one; docs/mutacion.md).
# They count neither as killed nor as survived.
EQUIVALENT: dict[str, str] = {
    "sgdesk.content.highlight.x_marked_text__mutmut_4": "None for False: «not inside a mark» either way",
    "sgdesk.content.indexing.x_facets__mutmut_17": "not worth a test: a literal labelled with a capital "
    "«X» (labels are lower-case letters)",
    "sgdesk.content.amendments.x_with_article__mutmut_2": "not worth a test: split on any white space: "
    "the same first word unless an office's name starts with a tab (the sources never do)",
    "sgdesk.content.amendments.x_with_article__mutmut_5": "split with no limit: the same first word",
    "sgdesk.content.amendments.x_with_article__mutmut_8": "split with limit 2: the same first word",
    f"{_NF}x_notes_file_json__mutmut_25": "None for False as ensure_ascii: both keep «ñ» as written",
    f"{_NF}x_parse_notes_file__mutmut_7": "«UTF-8» and «utf-8» name the same codec",
    f"{_NF}x__string__mutmut_13": "«UTF-8» and «utf-8» name the same codec",
    f"{_NF}x__timestamp__mutmut_17": "Python 3.11 (the oldest sgdesk runs on) reads a final «Z» itself",
    f"{_NF}x__timestamp__mutmut_18": "not worth a test: a lowercase «z» zone, which sgdesk never writes, "
    "accepted instead of refused",
    f"{_AN}x_anchor_quote__mutmut_8": "a quote at 0 is looked for in the folded text too: found at 0",
    f"{_AN}x_anchor_quote__mutmut_9": "a quote at 0 is looked for in the folded text too: found at 0",
    f"{_AN}xǁNodeNameǁsame_unit_as__mutmut_5": "rsplit with no limit: the same last segment",
    f"{_AN}xǁNodeNameǁsame_unit_as__mutmut_8": "rsplit with limit 2: the same last segment",
    f"{_AN}xǁNodeNameǁsame_unit_as__mutmut_15": "rsplit with no limit: the same last segment",
    f"{_AN}xǁNodeNameǁsame_unit_as__mutmut_18": "rsplit with limit 2: the same last segment",
    f"{_AN}x_selection_span__mutmut_28": "None for an empty label: both are «no label»",
    f"{_AN}x_selection_span__mutmut_32": "the label left to its default, the same empty one",
    f"{_AN}x_selection_span__mutmut_34": "a label of «XXXX» for the second look: no fragment left after "
    "a label starts with it",
    f"{_AN}x_selection_span__mutmut_43": "with no page text before, only an occurrence at 0 fits, and it is "
    "the first anyway",
    f"{_AN}x__likely_starts__mutmut_9": "None for False as autojunk: both falsy",
    f"{_AN}x__similarity__mutmut_5": "None for False as autojunk: both falsy",
    f"{_AN}x__likely_starts__mutmut_17": "find_longest_match's ahi=None means the whole quote (Python 3.9+)",
    f"{_AN}x__likely_starts__mutmut_19": "find_longest_match's bhi=None means the whole text (Python 3.9+)",
    f"{_AN}x__likely_starts__mutmut_23": "find_longest_match's bhi left out: None, the whole text",
    # (session 7: _likely_starts aligns on every longest run; its positions past the last full
    # run of the text or of the quote give shorter tuples, never one of the runs looked for)
    f"{_AN}x__likely_starts__mutmut_31": "text positions past the last full run: shorter tuples, never a run "
    "of the quote",
    f"{_AN}x__likely_starts__mutmut_32": "one text position past the last full run: a shorter tuple, never a "
    "run of the quote",
    f"{_AN}x__likely_starts__mutmut_43": "quote positions past the last full run: shorter runs, which no "
    "place of the text (all full length) has",
    f"{_AN}x__likely_starts__mutmut_44": "one quote position past the last full run: a shorter run, which no "
    "place of the text has",
    f"{_AN}x_common_start__mutmut_12": "another midpoint of the same halving: never past high, same result",
    f"{_AN}x__full_context__mutmut_1": "the first check fails, but the quote is then found at the same "
    "place with the whole context (the best score): EXACT all the same",
    "sgdesk.content.links.x__day__mutmut_3": "rpartition for partition: a query with two «=» is refused "
    "either way (a name with «=» is not «vigente»), with the same message",
    "sgdesk.content.synonyms.x__forms__mutmut_40": "None for False: the form is refused the same way",
    "sgdesk.content.synonyms.x__forms__mutmut_47": "None for False: the form is refused the same way",
    "sgdesk.content.spelling.xǁVocabularyǁclosest__mutmut_14": "shorter words are compared too, and their "
    "distance (at least the difference in length) is past the limit",
    "sgdesk.content.spelling.xǁVocabularyǁclosest__mutmut_19": "one more length compared, its distance past "
    "the limit",
    "sgdesk.content.spelling.xǁVocabularyǁclosest__mutmut_38": "keys end with the word itself: two are never "
    "equal unless the word is the same",
    "sgdesk.content.spelling.x_corrected_text__mutmut_1": "None for False: «nothing changed» either way",
    "sgdesk.content.ranking.x_boosted_page__mutmut_35": "pushing an unboosted row pops it again: it scores "
    "no more than every row above it and, at a tie, comes later",
    "sgdesk.content.timeline.xǁInForceǁstatus__mutmut_16": "_ends.get(None) is None: ids are strings",
    "sgdesk.content.timeline_events.xǁTimelineǁchanges_between__mutmut_1": "swapping two equal dates",
    "sgdesk.content.timeline.x__any__mutmut_4": "None for UNCERTAIN: its only reader, _both, takes "
    "anything but IN_FORCE or NOT_IN_FORCE as uncertain",
    "sgdesk.content.timeline.x__every__mutmut_4": "None for UNCERTAIN: its only reader, _both, takes "
    "anything but IN_FORCE or NOT_IN_FORCE as uncertain",
    "sgdesk.content.timeline.x_later_between__mutmut_1": "swapping two equal dates",
    "sgdesk.content.query.x_parse_query__mutmut_7": "performance only: the one-pass reading of plain words "
    "thrown away; the general parser reads the same (tests/test_search_fast_paths.py compares them)",
}
# query.py (session 7, after the word being typed, synonyms and busq7's short cut for plain words)
_Q = "sgdesk.content.query.x_"
EQUIVALENT |= {f"{_Q}_drop_common_words__mutmut_{n}": "zip's strict check never fires: «common» is built "
               "from «groups», one entry each" for n in (16, 19, 20)}  # fmt: skip
EQUIVALENT |= {f"{_Q}_parsed__mutmut_{n}": "None for False: join_next is only tested for truth"
               for n in (25, 83)}  # fmt: skip
EQUIVALENT |= {f"{_Q}_query__mutmut_{n}": "clause_words of a Term is (its word,): the same words, by the "
               "longer way" for n in (13, 15)}  # fmt: skip
EQUIVALENT |= {
    f"{_Q}_citation__mutmut_2": "performance only: the citation parser is run on every text, and answers "
    "None where the quick check finds no citation word",
    f"{_Q}parse_query__mutmut_4": "performance only: the one-pass reading of plain words is taken less "
    "often; the general parser reads the same (tests/test_search_fast_paths.py compares them)",
}
# query target (session 8, mutq8): the 32 survivors session 7 left unreviewed; the others got tests
# (tests/content/test_query_typing_and_exclusions.py, tests/store/test_synonym_near.py).
EQUIVALENT |= {f"{_Q}_with_synonyms__mutmut_{n}": "not reached: _with_synonyms runs only for a table with "
               "entries, and every entry has forms with words (read_synonyms refuses the others): max() "
               "always has a key's length, its default is never used" for n in (4, 6, 7)}  # fmt: skip
EQUIVALENT |= {f"{_Q}_form_of__mutmut_{n}": "not reached: the entry was found by these very words "
               "(forms.get), so one of its forms has them as its key: next() never falls back"
               for n in (2, 4, 8)}  # fmt: skip
EQUIVALENT |= {
    f"{_Q}_parsed__mutmut_38": "fold keeps a word's length (the property test of test_text_and_citations) "
    "and «o»/«or» have at most two letters: a three-letter token is never one of them",
    f"{_Q}_parsed__mutmut_51": "the one token of one character starting with «-» is a lone «-»: no clause "
    "either way (as parse_query 22)",
    f"{_Q}_parsed__mutmut_59": "«-» stripped also from tokens that are not exclusions: a quoted one (its «-» "
    "is no word, and quoted text makes no joined forms) or a lone «-» (no clause either way)",
    f"{_Q}_with_synonyms__mutmut_23": "sizes past the groups left slice the same run (a slice stops at the "
    "end): it is looked up again, and a match there ends the loop as at its exact size",
    f"{_Q}_with_synonyms__mutmut_38": "a tuple holding None is never a key of the table (keys are tuples of "
    "words): get() gives None as the check does",
    f"{_Q}_tokens__mutmut_5": "text[None:x] is text[0:x]",
    "sgdesk.content.text.x_fold_char__mutmut_2": "not worth a test: upper() before fold's final lower() "
    "differs from lower() on 22 lower-case letters only (ſ ς µ ı ϐ ϑ ϕ ϖ ϰ ϱ ϵ ẛ, the Greek iota subscript, "
    "nine old Cyrillic forms), none of them Spanish writing",
    "sgdesk.content.text.x__fold_match__mutmut_2": "performance only: the cache of folded characters missed, "
    "the same fold worked out again",
    "sgdesk.content.text.x__fold_match__mutmut_3": "performance only: the cache of folded characters missed "
    "(no key is None), the same fold worked out again",
}
_HL = "sgdesk.content.highlight."
# highlight.py (session 7, busq7's short cut for plain words): taking the general path instead
# builds the same matcher from the same words, only slower.
EQUIVALENT |= {f"{_HL}xǁMatcherǁfor_query__mutmut_{n}": reason for n, reason in (
    (6, "the short cut for plain words taken only while a word is typed: every other plain query "
        "takes the general path, which lists the same words; a typed one with plain groups gets the "
        "same words from query.words, the typed word added as a prefix either way"),
    (12, "type(None) is never Term: the short cut is never taken; the general path lists the same words"),
)}  # fmt: skip
# highlight.py (session 6): what the Matcher marks is the same; only how fast it gets there changes.
EQUIVALENT |= {f"{_HL}xǁMatcherǁ_candidates__mutmut_{n}": "the order of the alternatives: each is word "
               "characters followed by \\w*, so whichever matches runs to the end of the same word"
               for n in (4, 7, 8, 9)}  # fmt: skip
EQUIVALENT |= {f"{_HL}xǁMatcherǁmatches__mutmut_{n}": "the cache of answers missed: the answer is worked "
               "out again, the same" for n in (1, 2)}  # fmt: skip
EQUIVALENT |= {f"{_HL}xǁMatcherǁspans__mutmut_{n}": "the text folded again instead of the folded copy "
               "passed in: fold is the same every time" for n in (3, 5, 15)}  # fmt: skip
EQUIVALENT |= {f"{_HL}x_snippet__mutmut_{n}": "the matcher folds the text itself instead of being given "
               "the folded copy: the same spans" for n in (7, 8, 9)}  # fmt: skip
# (session 8: content-rest's first full run since session 5)
EQUIVALENT[f"{_HL}xǁMatcherǁwords__mutmut_5"] = "the text folded again instead of the folded copy " \
    "passed in (spans passes fold(text) or nothing; no one else calls words): fold is the same"  # fmt: skip
# store-vocab (session 8: fts_probe.finds changed at 22:30 on 1 December, after its last run)
_FP = "sgdesk.store.fts_probe.xǁIndexProbeǁ"
EQUIVALENT |= {
    f"{_FP}__init____mutmut_4": "_terms None at first: finds sets it (building the probe) before reading it",
    f"{_FP}finds__mutmut_29": "SQL and fts5vocab's arguments are read without regard to case",
    f"{_FP}finds__mutmut_30": "SQL and fts5vocab's arguments are read without regard to case",
    f"{_FP}finds__mutmut_23": "FTS5 reads its commands without regard to case ('OPTIMIZE' is taken as "
    "'optimize', checked): and an uncompacted probe answers the same, only slower",
}
# store-vocab (session 9, lead: VocabStore.texts_with, new for «¿Quiso decir…?» as the corpus spells it)
EQUIVALENT |= {
    f"sgdesk.store.vocab.xǁVocabStoreǁtexts_with__mutmut_{n}": "SQL does not tell upper from lower case"
    for n in (8, 9, 13)  # (13: the column filter's names)
} | {  # (busq9, session 9: the stem's exact unit count, read for «más de 10 000» without counting)
    f"sgdesk.store.vocab.xǁVocabStoreǁ_read_stem_docs__mutmut_{n}": "SQL does not tell upper from lower case"
    for n in (7, 8)
}
EQUIVALENT |= {  # forgiving (session 10, lead: spelling.Vocabulary.split)
    "sgdesk.content.spelling.xǁVocabularyǁsplit__mutmut_41": "closest found the word within "
    "max_distance: the distance without that limit is the same number",
}
EQUIVALENT |= {  # forgiving (session 9, lead: spelling.written_form)
    f"sgdesk.content.spelling.x_written_form__mutmut_{n}": "the first of most_common(n) is the same for "
    "any n (heapq.nlargest is documented as sorted(..., reverse=True)[:n]: ties keep their order)"
    for n in (9, 10)
}
# ranking.boosted_rows (session 8: new at 22:10 on 1 December, never measured before; the rest
# were killed by the tests that feed it the way SQLite does, in tests/content/test_ranking.py)
_BR = "sgdesk.content.ranking.x_boosted_rows__mutmut_"
EQUIVALENT |= {f"{_BR}{n}": reason for n, reason in (
    (1, "the batch left to its default: its one caller, store.search, always passes _BATCH (16)"),
    (16, "a pk of 0 is never read: SQLite numbers the nodes from 1 (db build never sets pk)"),
    (17, "a pk of 0 is never read: SQLite numbers the nodes from 1 (db build never sets pk)"),
    (43, "a pk of 0 is never read: SQLite numbers the nodes from 1 (db build never sets pk)"),
    (44, "a pk of 0 is never read: SQLite numbers the nodes from 1 (db build never sets pk)"),
    (51, "a rank of 0 or None scores 0 (mutated, -1): bm25 ranks are never positive, so the page's last "
         "is at least 0 and either score stops the reading there"),
    (77, "a rank of 0 or None scores 0 (mutated, -1): bm25 ranks are never positive, so the page's last "
         "is at least 0 and either score stops the reading there"),
    (53, "a row that can at best tie the page's last is pushed and popped again (at a tie the later row "
         "loses), and the batch's end, no better, stops the reading: the same page, the same rows read"),
    (54, "after a stop the batch's last row scores no more than the row that stopped it, so the check "
         "after the batch stops the reading all the same"),
    (55, "after a stop the batch's last row scores no more than the row that stopped it, so the check "
         "after the batch stops the reading all the same"),
    (69, "left is 1 there only when the batch just read was the one row the read-ahead still allowed: "
         "the loop ends after it either way"),
)}  # fmt: skip
EQUIVALENT |= {
    f"{_HL}xǁMatcherǁ_candidates__mutmut_12": "with no word to look for, a pattern that finds every word: "
    "matches() turns each one down (nothing to match)",
    f"{_HL}x__merged__mutmut_3": "two spans never touch: each starts and ends where a run of word "
    "characters does, and two runs are apart",
    f"{_HL}x_snippet__mutmut_53": "the space is looked for from the start of the text: there is one after "
    "the first match (checked just before), so the last one before the end is the same",
    f"{_HL}x_snippet__mutmut_71": "break for continue: the spans are sorted and apart, so after one that "
    "ends past the cut every later one does too",
    f"{_HL}x__same__mutmut_3": "not worth a test: a text word equal to a name word's stem whose own stem "
    "differs (Snowball is not idempotent: «entidad» is the stem of «entidades», its stem «entid») would be "
    "marked inside a name; in the shipped names only «jurídica» is such a word, and its stem «jurid» is "
    "not a word a text holds",
}
_SO = "sgdesk.content.sources."
# sources.py (session 6): the validator's messages are tested word for word; these change nothing.
EQUIVALENT |= {f"{_SO}{name}__mutmut_{n}": "None for False as «required»: an optional field either way"
               for name, numbers in (("xǁ_Loaderǁ_read_later_change", (54, 67)),
                                     ("xǁ_Loaderǁ_read_office", (66, 79)), ("xǁ_Loaderǁread_norm", (86, 159)),
                                     ("xǁ_Loaderǁ_read_article", (47, 61, 92, 107, 171)),
                                     ("xǁ_Loaderǁ_read_event", (42, 55)), ("xǁ_Loaderǁread_general", (49,)),
                                     ("xǁ_Loaderǁ_read_section", (60, 80, 125)))
               for n in numbers}  # fmt: skip
EQUIVALENT |= {f"{_SO}x_event_sort_key__mutmut_{n}": "event ids are «norm-id#N», one «#» (norm ids are slugs)"
               for n in (5, 6, 8)}  # fmt: skip
EQUIVALENT |= {f"{_SO}xǁ_Loaderǁread_norm__mutmut_{n}": "issuer and epígrafe are required: a norm without "
               "them is refused, so the fallback text is never seen" for n in (59, 72)}  # fmt: skip
EQUIVALENT |= {f"{_SO}xǁ_Loaderǁread_norm__mutmut_{n}": "the norm's own position: a section that lists "
               "the norm gives it its place, and a norm no section lists is refused"
               for n in (171, 185)}  # fmt: skip
EQUIVALENT |= {f"{_SO}xǁ_Loaderǁ_check_event__mutmut_{n}": "no quote for the event's article: None, «» and "
               "the quote of an article «XXXX» (none) all mean «nothing to compare»"
               for n in (33, 35, 37)}  # fmt: skip
EQUIVALENT |= {
    f"{_SO}xǁ_Loaderǁ_read_section__mutmut_69": "the body is empty before: += and = give the same",
    f"{_SO}xǁ_Loaderǁread_general__mutmut_43": "the index's title is required: sources without it are "
    "refused, so the fallback is never seen",
    f"{_SO}xǁ_Loaderǁread_general__mutmut_84": "the root is the first node added: never a duplicate, so "
    "its «where» is never written",
    f"{_SO}xǁ_Loaderǁ__init____mutmut_11": "read_general always sets the edition (1 when none is written); "
    "sources whose general file cannot be read are refused before a corpus is made",
    f"{_SO}xǁ_Loaderǁ__init____mutmut_12": "read_general always sets the edition (1 when none is written); "
    "sources whose general file cannot be read are refused before a corpus is made",
    f"{_SO}x_describe_target__mutmut_15": "not worth a test: the() for a unit that is not a norm says «el» "
    "too (articles, literals), except for a section titled like a feminine norm type («Ley …»); no event "
    "targets a section",
}
# anchoring.py (session 7): reviewed one by one against the current code (the rest got tests in
# tests/content/test_anchoring_edits.py, or are listed as survivors in docs/mutacion.md).
EQUIVALENT |= {f"{_AN}x_selection_span__mutmut_{n}": f"the only caller (notes.add_passages) passes {arg}: "
               "the default is never used"
               for n, arg in ((1, "the page's text before"), (2, "the label"))}  # fmt: skip
EQUIVALENT |= {
    f"{_AN}x__approximate__mutmut_85": "an end past the start is always there: the quote's end in whole "
    "words (at least its start plus its length, or the text's end) is past every start looked at (at most "
    "half the quote's length after its start, and before the text's end)",
    f"{_AN}x__ends_near__mutmut_12": "a likely start is never past len(text) - 1 (a word's start, or 0): the "
    "same min",
    f"{_AN}x__ends_near__mutmut_13": "a likely start is never len(text) - 1: that would be a last word of "
    "one letter starting the run, and a run needs four letters",
    f"{_AN}x__whole_words__mutmut_14": "end is at least 1 (the smaller of start + 8 and the length of a text "
    "that is not empty): > 0 and >= 0 agree",
    f"{_AN}x__whole_words__mutmut_15": "end is 1 only for a text of one character, where end < len(text) "
    "already stops the loop",
}
EQUIVALENT |= {
    "sgdesk.content.text.x_fold_char__mutmut_11": "no character found whose NFD base lower-cases to two "
    "(the length property test would catch one)",
    "sgdesk.content.citations.x_long_citation__mutmut_5": "labels are a lower-case letter and '.'",
    "sgdesk.content.citations.x_long_citation__mutmut_7": "a literal's parent is an article, cited "
    "without reading the nodes",
}
# Norm titles are "Tipo N de AAAA" (single spaces); article ids have exactly one "/".
EQUIVALENT |= {f"sgdesk.content.citations.x_the__mutmut_{n}": "the first word of a norm title"
               for n in (6, 9, 12)}  # fmt: skip
EQUIVALENT |= {f"sgdesk.content.citations.x_article_number__mutmut_{n}": "article ids have one '/'"
               for n in (5, 6, 8, 9)}  # fmt: skip


_C = "sgdesk.store.corpus."
EQUIVALENT |= {f"{_C}xǁCorpusStoreǁmeta__mutmut_{n}": "open_readonly refuses a meta without a schema "
               "version, a content version or a date (_check_meta): these defaults are never read"
               for n in (25, 27, 30, 32, 34, 37, 39, 41, 44)}  # fmt: skip
EQUIVALENT |= {f"{_C}x__like_prefix__mutmut_{n}": "ids are slugs: none holds '\\', '%' or '_' for the "
               "escaped pattern to match" for n in (15, 17, 19)}  # fmt: skip
EQUIVALENT |= {f"{_C}x__node__mutmut_{n}": "bodies are JSON lists written by the build, never NULL or '': "
               "json.loads('[]') gives the same ()" for n in (14, 17, 18)}  # fmt: skip
EQUIVALENT |= {f"{_C}x_timeline_rows__mutmut_{n}": "every event has a change (the validator requires one)"
               for n in (46, 48)}  # fmt: skip
EQUIVALENT |= {  # (session 9: arranque9 moved the norms' dates into _norm_dates, for InForce too)
    f"{_C}x__norm_dates__mutmut_{n}": "SQL does not tell upper from lower case" for n in (5, 6)
} | {f"{_C}x_timeline_rows__mutmut_{n}": "SQL does not tell upper from lower case" for n in (8, 9)}
EQUIVALENT |= {f"{_C}xǁCorpusStoreǁsimilar_ids__mutmut_{n}": "the first piece of the split is the same"
               for n in (6, 9)}  # fmt: skip
EQUIVALENT |= {
    f"{_C}x_later_change_rows__mutmut_25": "targets is never NULL (the build writes a JSON list)",
    f"{_C}xǁCorpusStoreǁamendments_by__mutmut_26": "split() also splits at \\x1f, and ids have no spaces",
    f"{_C}xǁCorpusStoreǁancestors_below_changed__mutmut_7": "split() also splits at \\x1f, and ids have "
    "no spaces",
    f"{_C}xǁCorpusStoreǁancestors_below_changed__mutmut_9": "a unit reached twice has the same chain",
    f"{_C}xǁCorpusStoreǁancestors__mutmut_9": "not worth a test: a tree exactly 65 levels deep (none "
    "exists; MAX_DEPTH marks a cycle) would open",
    f"{_C}xǁCorpusStoreǁsimilar_ids__mutmut_1": "not worth a test: the cap of 400 candidates matters "
    "only past 400 ids sharing a first segment",
    f"{_C}xǁCorpusStoreǁmeta__mutmut_14": "a missing edition is the first either way: a default that is "
    "not digits reads as 1 too",
    f"{_C}xǁCorpusStoreǁchildren__mutmut_9": "SQL does not tell upper from lower case in a column's name",
    f"{_C}x__hit_node__mutmut_4": "SQLite gives a kind as text, a number, bytes or NULL: none of the "
    "others is a key of _KIND_OF, so get() gives None as the isinstance check does",
}

_L = "sgdesk.library.xǁLibraryǁ"
EQUIVALENT |= {f"{_L}page__mutmut_{n}": "every part gets a state (states or later_states): the default "
               "is never used" for n in (53, 55, 56)}  # fmt: skip
EQUIVALENT |= {
    f"{_L}find__mutmut_2": "stored ids are canonical: canonical_id finds the same node (a fast path)",
    f"{_L}page__mutmut_8": "a section has no norm: norm(None) finds none either",
    f"{_L}page__mutmut_65": "only norms make amendments: amendments_by of another node is empty",
    f"{_L}compiled__mutmut_10": "a section (no norm) has no parts to note",
    f"{_L}event_location__mutmut_12": "no node id starts with dependencia/: find gives None anyway",
    f"{_L}event_location__mutmut_25": "only issuances lack an article, and their target (the norm) is "
    "found first",
    f"{_L}event_location__mutmut_29": "the validator checks that every event's article exists",
    f"{_L}on_progress__mutmut_1": "not worth a test: how often the handler is called (every 1000 or 1001 "
    "SQLite steps)",
    f"{_L}_breadcrumbs__mutmut_3": "not worth a test: only how much is kept in memory (the pinned results "
    "are the same with a bound of 3)",
    f"{_L}_breadcrumbs__mutmut_4": "not worth a test: the memory kept is cleared one breadcrumb earlier",
    f"{_L}_reading__mutmut_20": "not worth a test: one text more kept understood than the bound (513)",
    f"{_L}_search__mutmut_6": "not worth a test: one set of filters more kept per text than the bound (9)",
    f"{_L}_search__mutmut_47": "performance only: without the first pass over the hits already kept, every "
    "page is built by the second, which reads what is not kept yet: the same hits",
    f"{_L}_search__mutmut_62": "None for False as «every»: _ranked_hits only tests it for truth",
    f"{_L}_kept_hit_parts__mutmut_4": "not worth a test: only how much is kept in memory (the pinned results "
    "are the same with a bound of 25)",
    f"{_L}_kept_hit_parts__mutmut_5": "not worth a test: the memory kept is cleared one hit earlier",
    f"{_L}_kept_hit_parts__mutmut_13": "a root has no parent: paths.get(None, ()) is () too",
    f"{_L}_kept_hit_parts__mutmut_15": "_breadcrumbs answers for every parent asked (() when it has none): "
    "the default is never used",
    f"{_L}_kept_hit_parts__mutmut_17": "_breadcrumbs answers for every parent asked (() when it has none): "
    "the default is never used",
    f"{_L}_suggestion__mutmut_6": "not worth a test: every indexed word's stem is indexed too, so the "
    "stem alone answers",
    "sgdesk.library.xǁ_Kitǁ__init____mutmut_5": "performance only: the readings kept by the whole text "
    "instead of its first MAX_TEXT characters (what the parser reads): a longer text is read again, the same",
}

_D = "sgdesk.store.db.x_"
EQUIVALENT |= {f"{_D}database_error__mutmut_{n}": "not worth a test: the wording of a log line for "
               "developers" for n in range(1, 9)}  # fmt: skip
EQUIVALENT |= {f"{_D}_check_fts__mutmut_{n}": "not worth a test: the name and mode of the scratch copy"
               for n in (1, 2, 3, 7, 8, 17)}  # fmt: skip
EQUIVALENT |= {f"{_D}open_readonly__mutmut_{n}": "not testable here: this SQLite reads URIs "
               "without the flag (SQLITE_USE_URI); a build without it fails every test"
               for n in (5, 9, 12)}  # fmt: skip
EQUIVALENT |= {f"{_D}open_readonly__mutmut_{n}": "not reached: _check_file refuses what connect could "
               "fail on" for n in (14, 15, 16, 17)}  # fmt: skip
EQUIVALENT |= {f"{_D}_check_file__mutmut_{n}": "reading the whole file or 101 bytes: the same checks on "
               "the first 100" for n in (9, 10)}  # fmt: skip
EQUIVALENT |= {
    f"{_D}_check_file__mutmut_{n}": "byteorder is 'big' by default (Python 3.11)" for n in (26, 41)
}
EQUIVALENT |= {
    f"{_D}database_error__mutmut_18": "an error without a name is damage either way",
    f"{_D}open_readonly__mutmut_11": "not worth a test: only how long a locked file is waited for",
    f"{_D}_check_file__mutmut_42": "page counts below 2**24 (a 64 GB corpus at 4 KB pages) read the same",
    f"{_D}_check_meta__mutmut_13": "'' is no schema version either",
    f"{_D}_check_fts__mutmut_24": "FTS5 reads its commands without regard to case",
    f"{_D}_sample_mismatches__mutmut_4": "FTS5 reads its commands without regard to case",
    f"{_D}_sample_mismatches__mutmut_8": "fts5vocab reads its arguments without regard to case",
    f"{_D}_sample_mismatches__mutmut_16": "a step of None is a step of 1",
    f"{_D}_sample_mismatches__mutmut_32": "the index's tokenizer never keeps a '\"' inside a term",
    f"{_D}_sample_mismatches__mutmut_33": "the index's tokenizer never keeps a '\"' inside a term",
    f"{_D}_run_check__mutmut_5": "not worth a test: a damaged page says «dañada» whatever the error (only "
    "a busy or locked file differs, and no check runs on one)",
}

EQUIVALENT |= {
    "sgdesk.store.vocab.xǁVocabStoreǁcompletions__mutmut_19": "one more row read: «more than the limit» "
    "is answered the same",
}
EQUIVALENT |= {f"sgdesk.store.vocab.xǁVocabStoreǁdocs__mutmut_{n}": "performance only: the counts kept (or "
               "not, or one more of them) are read again from the table" for n in (1, 2, 4)}  # fmt: skip
EQUIVALENT["sgdesk.store.vocab.xǁVocabStoreǁdocs__mutmut_6"] = (
    "the stem's count alone is still a bound: every row the word matches has its stem"
)
EQUIVALENT |= {f"sgdesk.store.fts_probe.xǁIndexProbeǁ{name}": "the probe built again on each call: the "
               "same answer, slower"
               for name in ("__init____mutmut_2",)}  # fmt: skip

_P = "sgdesk.store.packing.x_"
EQUIVALENT |= {f"{_P}{name}": "not testable here: this SQLite reads URIs without the flag (SQLITE_USE_URI)"
               for name in ("schema_version_of__mutmut_3", "schema_version_of__mutmut_5",
                            "schema_version_of__mutmut_6", "integrity_problems__mutmut_3",
                            "integrity_problems__mutmut_5", "integrity_problems__mutmut_6")}  # fmt: skip
EQUIVALENT |= {f"{_P}fingerprints__mutmut_{n}": "another separator or the codec's other spelling: both "
               "fingerprints compared are made the same way" for n in (19, 25, 33, 44, 47)}  # fmt: skip
EQUIVALENT |= {
    f"{_P}fts_problems__mutmut_1": "every caller says which check it wants",
    f"{_P}fts_problems__mutmut_5": "Python opens no transaction of its own inside the explicit BEGIN",
    f"{_P}fts_problems__mutmut_15": "FTS5 reads its commands without regard to case",
    f"{_P}_norm_title__mutmut_4": "every id norm_ids lists has its norm",
}

EQUIVALENT |= {f"sgdesk.store.schema.x_create_tables__mutmut_{n}": "sqlite-utils matches column names "
               "without regard to case: the very same CREATE TABLE"
               for n in (13, 52, 54, 56, 58, 60, 107, 134, 171, 173, 204, 223, 238, 240)}  # fmt: skip
EQUIVALENT["sgdesk.store.schema.x_create_fts__mutmut_20"] = "FTS5 reads its commands without regard to case"
EQUIVALENT["sgdesk.store.schema.x_create_vocab__mutmut_20"] = "SQL does not tell upper from lower case"

_LOG = "not worth a test: the wording of a log line for developers"
EQUIVALENT |= {f"sgdesk.store.userdb.x__read_only__mutmut_{n}": _LOG for n in (2, 3, 4, 5)}
EQUIVALENT |= {f"sgdesk.store.userdb.x__readable__mutmut_{n}": _LOG
               for n in (7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 20, 21, 22, 27)}  # fmt: skip
EQUIVALENT |= {f"sgdesk.store.userdb.x__readable__mutmut_{n}": "SQLite ignores an unknown URI parameter "
               "(and reads immutable=1XX as true): the connection still reads, and the problem refuses every "
               "write before SQL" for n in (1, 2, 3)}  # fmt: skip
EQUIVALENT |= {
    "sgdesk.store.userdb.x__readable__mutmut_17": "not reached: opening a file that exists read-only fails "
    "only at its first statement (the probe), never in connect",
}
EQUIVALENT |= {f"sgdesk.store.userdb.x_open_user_database__mutmut_{n}": "not worth a test: the developers' "
               "log line when a check fails (its wording, or an argument logging reports as its own error "
               "instead of the line); the user's message is tested" for n in range(41, 49)}  # fmt: skip
EQUIVALENT |= {
    "sgdesk.store.userdb.x__prepare__mutmut_23": "not worth a test: the quick check's lines reach only the "
    "developers' log (the user's message is a fixed sentence, tested)",
    "sgdesk.store.userdb.x__probe_write__mutmut_8": "not testable here: BEGIN IMMEDIATE succeeds on a file "
    "or folder nobody may write (chattr +i, as root); the read-only error comes from the write after it",
    "sgdesk.store.userdb.x__probe_write__mutmut_12": "not worth a test: only how long a locked file is "
    "waited for (5.005 s instead of 5)",
}
EQUIVALENT |= {f"sgdesk.store.userdb.x__is_read_only_error__mutmut_{n}": "not testable here: this SQLite "
               "says «readonly»; «read-only» is for other builds and file systems"
               for n in (9, 10)}  # fmt: skip
EQUIVALENT |= {f"sgdesk.store.userdb.x__damaged__mutmut_{n}": _LOG for n in (9, 10, 11, 16)}
EQUIVALENT |= {f"sgdesk.store.userdb.x__set_aside__mutmut_{n}": _LOG
               for n in (17, 18, 19, 20, 30, 31, 32, 33, 34, 35, 36, 37)}  # fmt: skip
EQUIVALENT |= {
    "sgdesk.store.userdb.x__set_aside__mutmut_3": "not testable here: the machine's clock is in UTC",
    "sgdesk.store.userdb.x__set_aside__mutmut_8": "not worth a test: a 101st damaged file within the same "
    "second",
}
EQUIVALENT |= {f"sgdesk.store.userdb.x__connect__mutmut_{n}": "not testable here: this SQLite reads URIs "
               "without the flag (SQLITE_USE_URI)" for n in (3, 6, 9)}  # fmt: skip
EQUIVALENT |= {
    "sgdesk.store.userdb.x__connect__mutmut_7": "not worth a test: only how long a locked file is waited for",
    "sgdesk.store.userdb.x__connect__mutmut_8": "every write goes through write()'s explicit BEGIN "
    "IMMEDIATE: Python opens no transaction of its own inside one",
    "sgdesk.store.userdb.x__connect__mutmut_13": "SQL does not tell upper from lower case",
    "sgdesk.store.userdb.x__prepare__mutmut_26": "not worth a test: a fourth line of SQLite's quick check",
    "sgdesk.store.userdb.x__prepare__mutmut_25": "not worth a test: the separator between quick-check "
    "lines (the damage a test can make gives one)",
}
_U = "sgdesk.store.usernotes.xǁUserNotesStoreǁ"
EQUIVALENT |= {f"{_U}annotations_known__mutmut_{n}": "performance only: overlapping batches of ids read the "
               "same rows again into the same dict" for n in (20, 25)}  # fmt: skip
# (UserNotesStore.search changed in session 7, 5b45596: its entries follow their mutants, read again)
EQUIVALENT |= {f"{_U}search__mutmut_{n}": "SQL does not tell upper from lower case" for n in (66, 67, 69)}
EQUIVALENT |= {f"{_U}add_visit__mutmut_{n}": "not testable: only whether the commit waits for the disk (a "
               "power cut, not a crash)" for n in (1, 2)}  # fmt: skip
EQUIVALENT |= {f"{_U}merge__mutmut_{n}": "SQL does not tell upper from lower case" for n in (18, 19)}
EQUIVALENT |= {f"sgdesk.store.usernotes.x_{name}": "SQL does not tell upper from lower case" for name in (
    "_insert_favorite__mutmut_28", "_upsert_annotation__mutmut_20", "_upsert_annotation__mutmut_22",
    "_upsert_annotation__mutmut_24", "_upsert_annotation__mutmut_26")}  # fmt: skip
EQUIVALENT |= {f"sgdesk.store.usernotes.x__annotation__mutmut_{n}": "the store writes a prefix and a suffix "
               "with every quote: never NULL beside one" for n in (18, 21)}  # fmt: skip
EQUIVALENT |= {f"sgdesk.store.usernotes.x__int__mutmut_{n}": "not reached: the store writes start and end "
               "as integers" for n in (2, 3)}  # fmt: skip
EQUIVALENT |= {
    f"{_U}add_favorite__mutmut_3": "None for False: both falsy",
    f"{_U}annotations__mutmut_8": "«FROM annotations XXXX» reads XXXX as the table's alias: the same rows",
    "sgdesk.store.usernotes.x__upsert_annotation__mutmut_39": "not worth a test: a note on a whole unit gets "
    "a placeholder quote in its search entry, found only by searching for the placeholder itself",
}
EQUIVALENT[f"{_U}search__mutmut_7"] = "SQL does not tell upper from lower case: «A.» is the alias «a»"
# UserNotesStore.search after notas7 (the lead's run of its 75 mutants by name: 60 killed)
EQUIVALENT |= {
    f"{_U}search__mutmut_1": "its one caller (NotesSearch) always says whether the expression has a prefix",
    f"{_U}search__mutmut_26": "performance only: one more newest row read; past the cap the page is cut "
    "to its length all the same",
    f"{_U}search__mutmut_46": "None for False: «many» is only tested for truth",
}
EQUIVALENT[f"{_U}search__mutmut_59"] = "counting one more note past the cap: «more than the cap» either way"

_B = "sgdesk.store.build.x_"
_CASED_KEYS = (
    [f"_insert__mutmut_{n}" for n in (52, 54, 56, 58, 60, 62, 64, 66, 70, 74, 84, 86, 88, 90, 92, 94, 96, 100,
                                      113, 115, 117, 119, 121, 128, 130, 132)]
    + [f"_node_rows__mutmut_{n}" for n in (22, 24, 26, 28, 30, 32, 34, 36, 43, 45)]
    + [f"_insert_events__mutmut_{n}" for n in (21, 23, 25, 27, 29, 31, 33, 41, 44, 46, 48, 50, 52, 54)]
)  # fmt: skip
EQUIVALENT |= {f"{_B}{name}": "sqlite-utils matches column names without regard to case: the same rows"
               for name in _CASED_KEYS}  # fmt: skip
EQUIVALENT |= {f"{_B}{name}": "performance only: how many rows go in one INSERT" for name in (
    "_insert__mutmut_41", "_insert__mutmut_46", "_insert_events__mutmut_63", "_insert_events__mutmut_67",
    "_insert_events__mutmut_71", "_insert_events__mutmut_75")}  # fmt: skip
EQUIVALENT |= {f"{_B}build_database__mutmut_{n}": "the name of the temporary file: renamed or removed either "
               "way" for n in (12, 13)}  # fmt: skip
EQUIVALENT |= {f"{_B}_insert__mutmut_{n}": "later changes' targets are ids (ASCII slugs): escaped or not, "
               "the same JSON" for n in (102, 104, 106)}  # fmt: skip
EQUIVALENT |= {
    f"{_B}_node_rows__mutmut_38": "None for False: both falsy",
    f"{_B}_node_rows__mutmut_9": "ids are lower-case slugs: an upper-case key for the root still sorts first",
    f"{_B}_node_rows__mutmut_12": "a node without a norm: norms.get(None) is None too",
    f"{_B}_node_rows__mutmut_20": "no node has the id '' nor 'XXXX': None either way",
    f"{_B}_node_rows__mutmut_53": "a norm's parent is a section, which has no article number to index",
    f"{_B}_insert_events__mutmut_9": "source_of does not read the event (only the title and the article)",
    f"{_B}_article_number__mutmut_4": "no node has the id '' nor 'XXXX': None either way",
}

_S = "sgdesk.store.search.x_"
_SS = "sgdesk.store.search.xǁSearchStoreǁ"
_FEW = "performance only: which statements count and rank the page (one with a window count, or a " \
       "capped count first); the same rows, total and flags"  # fmt: skip
EQUIVALENT |= {f"{_SS}{name}": _FEW for name in (
    "_tier__mutmut_5", "_tier__mutmut_6", "_tier__mutmut_34", "_tier__mutmut_35", "_tier__mutmut_37",
    "_at_most__mutmut_5", "_at_most__mutmut_16")}  # fmt: skip
EQUIVALENT |= {f"{_SS}{name}": "None for False: both falsy" for name in (
    "__init____mutmut_4", "_tier__mutmut_20", "_tier__mutmut_40", "_tier__mutmut_41")}  # fmt: skip
EQUIVALENT |= {
    f"{_SS}_plan__mutmut_37": "None for False: both falsy",
    f"{_SS}_plan__mutmut_41": _FEW,
    f"{_SS}_plan__mutmut_56": "performance only: the plan is worked out again at every search",
}
EQUIVALENT |= {f"{_SS}search__mutmut_{n}": "not reached: a query with a citation always has words (see "
               "statements), and one without words nor citation is answered before"
               for n in range(27, 37)}  # fmt: skip
EQUIVALENT |= {f"{_SS}search__mutmut_{n}": "since Python 3.11 every sqlite3 error has a sqlite_errorname"
               for n in (121, 124, 127)}  # fmt: skip
EQUIVALENT |= {f"{_SS}search__mutmut_{n}": "not reached: the expressions are built from quoted words, never "
               "an FTS5 syntax error (the grammar fuzz tests say so)"
               for n in (131, 132, 134, 135, 136, 137, 138)}  # fmt: skip
EQUIVALENT |= {
    f"{_SS}search__mutmut_1": "every caller passes the offset (Library._search)",
    f"{_SS}search__mutmut_12": "performance only: the caller's plan is left empty and worked out again at "
    "every search (Library always passes one)",
    f"{_SS}search__mutmut_23": "performance only: the ranked rows read from the first, also without cited "
    "nodes; the same page",
    f"{_SS}search__mutmut_40": "performance only: more ranked rows read than the page needs; it is cut to "
    "its length",
    f"{_SS}search__mutmut_59": "performance only: more completion rows read than the page needs; it is cut "
    "to its length",
}
# session 7, after busq7's one-pass plan of plain words (the lead's run of the changed functions)
EQUIVALENT |= {f"{_SS}search__mutmut_{n}": _FEW for n in (47, 55, 91, 97)}  # None or < for «few»
EQUIVALENT |= {
    f"{_SS}_plain_plan__mutmut_5": "-2 for -1 as «no count yet»: only its sign is read, and every plain "
    "query has a word, so it is replaced at the first",
    f"{_SS}_plain_plan__mutmut_20": "<= for <: a word as frequent as the least so far gives the same least",
    f"{_SS}_plain_plan__mutmut_27": "_and(words) without filters is «(words)», the same text (every plain "
    "query has a word)",
}
EQUIVALENT |= {f"{_SS}statements__mutmut_{n}": "not reached: a citation's words are words of the query "
               "too (parse_query keeps them), so a query with a citation always has a text expression"
               for n in range(16, 25)}  # fmt: skip
EQUIVALENT |= {f"{_SS}_read_boosts__mutmut_{n}": "not reached: the marks are read once a row was found, "
               "and every index has norms (db build refuses sources without one) and sections (the root at "
               "least), each with its kind token: the default is never used"
               for n in (13, 15, 18)}  # fmt: skip
EQUIVALENT[f"{_SS}_read_boosts__mutmut_19"] = "a longer mark table: its extra row is unmarked, weight 1.0 " \
    "like any row past it"  # fmt: skip
EQUIVALENT |= {f"{_SS}_at_most__mutmut_{n}": "not reached: asked only for a query with words (one with a "
               "citation has its words too)" for n in (36, 38, 41)}  # fmt: skip
EQUIVALENT |= {f"{_SS}_at_most__mutmut_{n}": "word_docs answers 0 for None as for () (and every prefix "
               "searched has its entry in the completions)" for n in (8, 10, 23, 25)}  # fmt: skip
EQUIVALENT |= {f"{_S}_term__mutmut_{n}": "None and () are both falsy here: no completions either way"
               for n in (9, 11)}  # fmt: skip
EQUIVALENT |= {
    f"{_S}_term__mutmut_7": "an empty dict's get gives the default, () too",
    f"{_S}text_expression__mutmut_6": "a group of one clause joined with « OR » is the same text",
}
EQUIVALENT |= {f"{_S}_clause__mutmut_{n}": "a name's words close together have their stems close together "
               "too (the stems column follows the text): the exact NEAR finds no row the stems' NEAR misses"
               for n in (17, 19)}  # fmt: skip
EQUIVALENT |= {
    f"{_S}_terms__mutmut_1": "the terms of an AllOf come from synonym forms: whole words, never prefixes",
    f"{_S}filter_expression__mutmut_35": "swapping two equal years",
    f"{_S}citation_expression__mutmut_2": "the list is empty before: += and = give the same",
    f"{_S}_and__mutmut_3": "not reached: no caller passes nothing (a query without words is answered "
    "before the store is asked)",
    f"{_SS}_tier__mutmut_19": "with few, the vocabulary's bound (at least the total) is at most the cap: "
    "the total is never above it",
    f"{_SS}_tier__mutmut_29": "not worth a test: a total exactly equal to the cap whose vocabulary bound is "
    "exact too (the bound counts a word once as a word and once as a stem)",
    f"{_SS}_tier__mutmut_67": "not worth a test: a wider window for the kind boost of a sampled ranking "
    "(the same page unless a norm or section ranks between 4 and 5 pages down)",
    f"{_SS}_boosted__mutmut_37": "the count is read only from the statement that has it (a third column)",
    f"{_SS}_boosted__mutmut_28": "the batch left to boosted_rows' default, 16: the same as _BATCH",
    f"{_SS}_boosted__mutmut_8": "performance only: fetchmany of 0 or fewer reads every row; the ranking "
    "stops where it stops either way",
    f"{_SS}_at_most__mutmut_12": "the stem's count alone is still a bound: every row the word matches has "
    "its stem (the stems column is made from the title and the text)",
    f"{_SS}_at_most__mutmut_19": "the second tier's rows are found by the completions: their count alone "
    "bounds it",
    f"{_SS}_at_most__mutmut_30": "a phrase's stems' counts alone still bound it: its exact matches have "
    "the stems too",
    f"{_SS}__init____mutmut_8": "'' for None: both falsy, the marks are read at the first ranking either way",
    f"{_S}prefixes__mutmut_9": "list(dict.fromkeys([])) is the same empty list",
    f"{_SS}_count__mutmut_10": "counting one more row past the cap: «more than the cap» either way",
}

# Session 9: busq9's change (SearchPlan.over, merged 07:57) renumbered mutants of search, _tier and
# _plain_plan; each entry above follows its mutant (matched by diff against the code before it).
_RENUMBERED = {
    "search": {121: 123, 124: 126, 127: 129, 131: 133, 132: 134, 134: 136, 135: 137, 136: 138,
               137: 139, 138: 140, 55: 57, 59: 61, 91: 93, 97: 99},
    "_tier": {19: 20, 20: 21, 29: 30, 34: 38, 35: 39, 37: 41, 40: 44, 41: 45, 5: 6, 6: 7, 67: 71},
}  # fmt: skip
_MOVED = {f"{_SS}{function}__mutmut_{new}": EQUIVALENT.pop(f"{_SS}{function}__mutmut_{old}")
          for function, moves in _RENUMBERED.items() for old, new in moves.items()}  # fmt: skip
EQUIVALENT |= _MOVED
# The fallback busq9 added (an empty page where the vocabulary promised thousands is counted) runs
# only after an empty page: every match is before the offset, so it counts and returns.
_FALLBACK = "the fallback after an empty page only counts (the offset is past every match): "
EQUIVALENT |= {
    f"{_SS}_plain_plan__mutmut_43": "performance only: >= for > asks the stem's count of a word exactly at "
    "the cap too; the stem's count (at most the word's) is then not over it",
    f"{_SS}_tier__mutmut_84": _FALLBACK + "it counts `counted`, which a plain plan sets",
    f"{_SS}_tier__mutmut_87": _FALLBACK + "unranked only chooses how to rank",
    f"{_SS}_tier__mutmut_88": _FALLBACK + "few is False whenever over is True",
    f"{_SS}_tier__mutmut_89": _FALLBACK + "the expression and `counted` match the same rows in a plain plan",
    **{
        f"{_SS}_tier__mutmut_{n}": _FALLBACK + "with few taking `counted`'s place it counts the same rows "
        "in the ranking statement (its page is empty too)"
        for n in (93, 94, 95)
    },
}

# Session 7, after busq7's search changes (merged 01:45): SearchStore.search's entries follow their mutants
# (the same change, read again: 59, 121-138); the «few» and tier-tag entries are gone with the code they
# described (search 41, 42, 48, 82, 83, 96, 57, 104); _plan's (37, 41, 56) and Library's (_reading 20,
# _search 6, _suggestion 6) too. The functions busq7 changed were not measured again (docs/mutacion.md).
# Session 7: the entries busqueda6's search changes of 23:32 had renumbered (withdrawn by the lead) are
# gone; the ones above were written against the mutants of that code, each read beside its diff.

# SQL does not tell upper from lower case in keywords and names: a mutant that only changes their
# case (its quoted values unchanged) is equivalent. Found in each survivor's diff (``mutmut show``), only
# in sgdesk/store (the one place with SQL: elsewhere «where» is a word of a message).
_SQL = re.compile(
    r"\b(select|from|where|join|order by|is null|case when|pragma|insert|create|limit|offset|begin|"
    r"rollback|on conflict|drop table)\b",
    re.I,
)


def sql_case_only(diff: str) -> bool:
    # (a blank line the function's end gives one body and not the other is no change)
    removed = [line[1:] for line in diff.splitlines() if line.startswith("-") and line[1:].strip()
               and not line.startswith("---")]  # fmt: skip
    added = [line[1:] for line in diff.splitlines() if line.startswith("+") and line[1:].strip()
             and not line.startswith("+++")]  # fmt: skip
    quoted = re.compile(r"'[^']*'")
    return bool(removed) and len(removed) == len(added) and all(
        old != new and old.lower() == new.lower() and _SQL.search(_changed_strings(old, new)) is not None
        and quoted.findall(old) == quoted.findall(new)
        for old, new in zip(removed, added, strict=True)
    )  # fmt: skip


def _changed_strings(old: str, new: str) -> str:
    """The double-quoted strings of ``old`` that ``new`` changes: the keyword must be in the text
    the mutant changed (``raise SearchError("Consulta no válida.") from exc`` holds «from» outside
    it). A line without them is inside a triple-quoted string: all of it."""
    strings = re.compile(r'"[^"]*"')
    found = strings.findall(old)
    if not found or len(found) != len(strings.findall(new)):
        return old
    return " ".join(a for a, b in zip(found, strings.findall(new), strict=True) if a != b)


def _config(modules: list[str], tests: list[str]) -> str:
    def toml_list(items: list[str]) -> str:
        return "[" + ", ".join(json.dumps(i) for i in items) + "]"

    return (
        "\n[tool.mutmut]\n"
        'source_paths = ["sgdesk/"]\n'
        f"only_mutate = {toml_list(modules)}\n"
        'also_copy = ["data/", "resources/", "docs/"]\n'
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q", "-x"]\n'
        f"pytest_add_cli_args_test_selection = {toml_list([t for t in tests if (REPO / t).exists()])}\n"
    )


# mutmut leaves every decorated function alone (it could not put its trampoline under the
# decorator). Methods under these decorators are mutated all the same: in the scratch copy the
# decorator is taken off and applied after the class instead (``Cls.f = _guarded(Cls.f)``).
REWRAPPED = ("_guarded", "property")


def _undecorated(source: str) -> str:
    lines = source.splitlines(keepends=True)
    kept: list[str] = []
    wrapped: list[str] = []
    owner = ""
    for number, line in enumerate(lines):
        if opening := re.match(r"class (\w+)", line):
            owner = opening[1]
        decorator = re.fullmatch(r"    @(\w+)\n", line)
        method = re.match(r"    def (\w+)\(", lines[number + 1]) if number + 1 < len(lines) else None
        if owner and decorator and decorator[1] in REWRAPPED and method:
            wrapped.append(f"{owner}.{method[1]} = {decorator[1]}({owner}.{method[1]})  # type: ignore\n")
            continue
        kept.append(line)
    return "".join(kept) + ("\n\n" + "".join(wrapped) if wrapped else "")


def copy_repository(folder: Path) -> None:
    """What the tests need of the checkout, copied into ``folder`` (also scripts/why_breakages.py)."""
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, folder / name)


def _scratch_copy(folder: Path, modules: list[str], tests: list[str]) -> None:
    copy_repository(folder)
    for pattern in modules:
        for module in folder.glob(pattern):
            module.write_text(_undecorated(module.read_text(encoding="utf-8")), encoding="utf-8")
    pyproject = folder / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + _config(modules, tests), encoding="utf-8")


def _mutmut(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HYPOTHESIS_PROFILE": "mutation"}
    return subprocess.run([str(Path(sys.executable).parent / "mutmut"), *args], cwd=folder, env=env,
                          capture_output=True, text=True, check=False)  # fmt: skip


def _mutant_diff(folder: Path, name: str) -> str:
    """The lines a mutant changes, as ``-``/``+`` lines: read from mutmut's copy of the module
    (the original function and the mutant sit side by side there; ``mutmut show`` is slow)."""
    module, _, function = name.rpartition(".")
    source = (folder / "mutants" / (module.replace(".", "/") + ".py")).read_text(encoding="utf-8")
    original = function.rsplit("__mutmut_", 1)[0] + "__mutmut_orig"

    def body(def_name: str) -> list[str]:
        # (a signature on several lines ends with a ")" at the def's own indent: not the body's end)
        start = re.search(rf"^([ \t]*)def {re.escape(def_name)}\(.*$", source, re.M)
        if start is None:
            return []
        indent = len(start[1])
        lines = [start[0].replace(def_name, "f", 1)]
        for line in source[start.end() + 1 :].splitlines():
            outer = line.strip() and len(line) - len(line.lstrip()) <= indent
            if outer and not line.lstrip().startswith(")"):
                break
            lines.append(line)
        return lines

    diff = difflib.unified_diff(body(original), body(function), lineterm="", n=0)
    return "\n".join(line for line in diff if not line.startswith(("@@", "---", "+++")))


def run_target(
    name: str, keep: Path | None, report_only: bool = False, show: bool = False, jobs: int = 1
) -> tuple[int, int, list[str]]:
    """Killed and survived counts and the surviving mutants' names (a mutant that no selected
    test reaches counts as survived)."""
    modules, tests = TARGETS[name]
    with tempfile.TemporaryDirectory(prefix=f"sgdesk-mutation-{name}-") as scratch:
        folder = keep / name if keep else Path(scratch)
        if keep and not report_only:
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
        if not report_only:
            _scratch_copy(folder, modules, tests)
            run = _mutmut(folder, "run", "--max-children", str(jobs))
            if run.returncode != 0:
                sys.stderr.write(run.stdout[-4000:] + run.stderr[-4000:])
                raise SystemExit(f"mutmut run failed for {name}")
        _mutmut(folder, "export-cicd-stats")
        stats = json.loads((folder / "mutants" / "mutmut-cicd-stats.json").read_text(encoding="utf-8"))
        results = _mutmut(folder, "results").stdout
        lines = results.splitlines()
        found = [line.split(":")[0].strip() for line in lines
                 if line.strip().endswith(("survived", "no tests"))]  # fmt: skip
        survivors: list[str] = []
        for survivor in (name for name in found if name not in EQUIVALENT):
            diff = _mutant_diff(folder, survivor)
            if survivor.startswith("sgdesk.store.") and sql_case_only(diff):
                print(f"  equivalent: {survivor} (only the case of SQL keywords and names)")
                continue
            survivors.append(survivor)
            if show:
                print(diff)
    killed = int(stats["killed"]) + int(stats.get("timeout", 0)) + int(stats.get("segfault", 0))
    for name in found:
        if name in EQUIVALENT:
            print(f"  equivalent: {name} ({EQUIVALENT[name]})")
    return killed, len(survivors), survivors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", choices=[*TARGETS, *GROUPS, "all"])
    parser.add_argument("--min-score", type=float, default=0.0, help="percentage below which to fail")
    parser.add_argument("--keep", type=Path, help="keep the scratch copy (and its mutants/) here")
    parser.add_argument("--report-only", action="store_true", help="with --keep: report a finished run again")
    parser.add_argument("--show", action="store_true", help="print each surviving mutant as a diff")
    parser.add_argument(
        "--jobs", type=int, default=1, help="mutmut workers (default 1: the cores are shared)"
    )
    args = parser.parse_args()
    names = (
        [n for n in TARGETS if n != "quick"]
        if args.target == "all"
        else GROUPS.get(args.target, [args.target])
    )
    failed = False
    for name in names:
        report_only = args.report_only and args.keep is not None
        killed, survived, survivors = run_target(name, args.keep, report_only, args.show, args.jobs)
        total = killed + survived
        score = 100.0 * killed / total if total else 100.0
        print(f"{name}: {killed} killed, {survived} survived of {total}: {score:.1f} %")
        for survivor in survivors:
            print(f"  survived: {survivor}")
        failed |= score < args.min_score
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
