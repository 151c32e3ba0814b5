import xml.etree.ElementTree as ET, json, sys
def text_of(el):
    return ''.join(el.itertext()) if el is not None else None
def parse_xml(path):
    out=[]
    for art in ET.parse(path).getroot().iter('PubmedArticle'):
        mc=art.find('MedlineCitation'); a=mc.find('Article')
        pmid=mc.findtext('PMID')
        title=text_of(a.find('ArticleTitle')) or ''
        ab=a.find('Abstract')
        parts=[]
        if ab is not None:
            for t in ab.findall('AbstractText'):
                lab=t.get('Label'); tx=text_of(t)
                parts.append((lab+': ' if lab else '')+tx)
        abstract=' '.join(parts) if parts else None
        pts=[p.text for p in a.iter('PublicationType')]
        mesh=[]
        for mh in mc.iter('MeshHeading'):
            d=mh.find('DescriptorName'); mesh.append({'descriptorUi':d.get('UI'),'label':d.text,'majorTopic':d.get('MajorTopicYN')=='Y'})
        kws=[k.text for k in mc.iter('Keyword')]
        lang=a.findtext('Language')
        out.append({'pmid':pmid,'input':{'title':title,'abstract':abstract,'meshHeadings':mesh,'publicationTypes':pts,'keywords':kws,'language':lang}})
    return out
def parse_medline(path):
    recs=[];cur=None;tag=None
    for line in open(path,encoding='utf-8-sig'):
        line=line.rstrip('\n').rstrip('\r')
        if not line.strip():
            if cur: recs.append(cur); cur=None
            continue
        if len(line)>4 and line[4]=='-' and line[:4].strip():
            tag=line[:4].strip(); val=line[6:]
            if cur is None: cur={}
            cur.setdefault(tag,[]).append(val)
        else:
            cur[tag][-1]+=' '+line.strip()
    if cur: recs.append(cur)
    out=[]
    for r in recs:
        mesh=[{'descriptorUi':None,'label':m.split('/')[0].lstrip('*'),'majorTopic':'*' in m} for m in r.get('MH',[])]
        out.append({'pmid':r['PMID'][0],'input':{'title':r.get('TI',[''])[0],'abstract':r.get('AB',[None])[0],'meshHeadings':mesh,'publicationTypes':r.get('PT',[]),'keywords':r.get('OT',[]),'language':r.get('LA',[None])[0]}})
    return out
if __name__=='__main__':
    F='/work/shared/fixtures/'
    for r in parse_xml(F+'pubmed_xml/pubmed-10-records-5-case-reports.xml')+parse_xml(F+'pubmed_xml/pubmed-structured-abstract.xml'):
        i=r['input']; print('\n##',r['pmid'],i['language'],i['publicationTypes']); print('T:',i['title']); print('A:',(i['abstract'] or '')[:1800]); print('M:',[m['label'] for m in i['meshHeadings']]); print('K:', i['keywords'])
