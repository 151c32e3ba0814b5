"""Tiny helpers for writing labels: P(...) is one patient, R(...) one record."""
def P(label='Case', age=None, sex=None, preg=None, ac=None, comp=(), proc=(), treat=(), sym=(), comorb=(), outcome=None):
    d = {'label': label}
    if age: d['ageYears'] = {'value': age[0], 'text': age[1]}
    if sex: d['sex'] = {'value': sex[0], 'text': sex[1]}
    if preg: d['pregnancyStatus'] = {'value': preg[0], 'text': preg[1]}
    if ac: d['anticoagulation'] = {'value': ac[0], 'text': ac[1]}
    if outcome: d['outcome'] = {'value': outcome[0], 'text': outcome[1]}
    for name, items in (('complications', comp), ('procedures', proc), ('treatments', treat), ('symptoms', sym), ('comorbidities', comorb)):
        d[name] = [{'termKey': k, 'text': t} for k, t in items]
    return d

def R(id, origin, title, abstract, pt=(), mesh=(), kw=(), lang='eng', patients=(), note=None):
    return {'id': id, 'origin': origin, 'note': note, 'input': {'title': title, 'abstract': abstract, 'meshHeadings': [{'descriptorUi': None, 'label': m} for m in mesh], 'publicationTypes': list(pt), 'keywords': list(kw), 'language': lang}, 'expected': {'patients': list(patients)}}

F, M = 'FEMALE', 'MALE'
PP, PG, NP = 'POSTPARTUM', 'PREGNANT', 'NOT_PREGNANT'
FULL, IMP, PART, RES, DEATH = 'FULL_RECOVERY', 'IMPROVED_UNSPECIFIED', 'PARTIAL_RECOVERY', 'RESIDUAL_DEFICIT', 'DEATH'
AC, AP, BOTH, NONE = 'ANTICOAGULANT', 'ANTIPLATELET', 'BOTH', 'NONE'
