/**
 * The case table as WordprocessingML (the XML parts of a .docx), written as text a piece at a time so
 * a table of any length streams: the document's start (stamp paragraphs, table properties, header
 * row), then rows page by page, then its end. Pure. Element order follows the ECMA-376 schema (Word
 * refuses a file whose properties are out of order). The package parts around it are fixed.
 */
import { xmlEscape } from '../../common/xml-text';
import { stampLines, TableStamp } from './case-table-writers';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A column of the Word table: its header and its relative width (see CASE_TABLE_COLUMNS). */
export interface DocxColumn {
  header: string;
  width: number;
}

/** A4 landscape with 1-inch margins, in twentieths of a point (the `docx` library's default page, as before). */
export const PAGE = { width: 16838, height: 11906, margin: 1440 } as const;
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Text for an element or attribute: characters XML forbids removed, markup escaped (xmlEscape), line breaks made spaces (one line per run). */
export function xmlText(text: string): string {
  return xmlEscape(text.replace(/[\t\n\r]/g, ' '));
}

/** Column widths in twips filling the text width, in proportion to the columns' relative widths (the last takes the rounding). */
export function columnWidths(columns: readonly DocxColumn[]): number[] {
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const widths = columns.map((column) => Math.floor((column.width / total) * TEXT_WIDTH));
  if (widths.length) widths[widths.length - 1] += TEXT_WIDTH - widths.reduce((sum, width) => sum + width, 0);
  return widths;
}

const run = (text: string, bold = false) => (text ? `<w:r>${bold ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : ''}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>` : '');
const paragraph = (style: string, text: string, bold = false) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${run(text, bold)}</w:p>`;
const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="auto"';
const BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${BORDER}/>`).join('')}</w:tblBorders>`;

function row(cells: readonly string[], widths: readonly number[], header: boolean): string {
  const properties = header ? '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>';
  const tcs = widths.map((width, i) => `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paragraph('CaseTableText', cells[i] ?? '', header)}</w:tc>`);
  return `<w:tr>${properties}${tcs.join('')}</w:tr>`;
}

/**
 * word/document.xml up to and including the header row: the stamp as paragraphs, an empty paragraph,
 * then the table (fixed layout at the columns' widths, so Word need not measure every row of a long
 * table; borders; the header row repeated on every page; no row split across pages).
 */
export function documentStart(stamp: TableStamp, columns: readonly DocxColumn[]): string {
  const widths = columnWidths(columns);
  const table =
    '<w:tbl><w:tblPr><w:tblStyle w:val="CaseTable"/>' +
    `<w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/>${BORDERS}<w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid>${widths.map((width) => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>` +
    row(
      columns.map((column) => column.header),
      widths,
      true,
    );
  return `${XML_DECLARATION}<w:document xmlns:w="${W}"><w:body>${stampLines(stamp)
    .map((line) => paragraph('Stamp', line))
    .join('')}<w:p/>${table}`;
}

/** Rows of the table (the cells of each, in the columns' order). */
export function documentRows(columns: readonly DocxColumn[], rows: readonly (readonly string[])[]): string {
  const widths = columnWidths(columns);
  return rows.map((cells) => row(cells, widths, false)).join('');
}

/** The end of the table and of the document: the landscape page. */
export function documentEnd(): string {
  const { width, height, margin } = PAGE;
  return (
    '</w:tbl><w:sectPr>' +
    `<w:pgSz w:w="${width}" w:h="${height}" w:orient="landscape"/>` +
    `<w:pgMar w:top="${margin}" w:right="${margin}" w:bottom="${margin}" w:left="${margin}" w:header="708" w:footer="708" w:gutter="0"/>` +
    '</w:sectPr></w:body></w:document>'
  );
}

/** The styles: Normal (Calibri 11 pt, no spacing after), the stamp (8 pt), the table's text (9 pt) and the table's own style (borders, cell margins). */
export const STYLES_XML =
  `${XML_DECLARATION}<w:styles xmlns:w="${W}">` +
  '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:eastAsia="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>' +
  '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Stamp"><w:name w:val="Stamp"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:customStyle="1" w:styleId="CaseTableText"><w:name w:val="Case Table Text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>' +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
  '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
  `<w:style w:type="table" w:customStyle="1" w:styleId="CaseTable"><w:name w:val="Case Table"/><w:basedOn w:val="TableNormal"/><w:tblPr>${BORDERS}</w:tblPr></w:style>` +
  '</w:styles>';

export const CONTENT_TYPES_XML =
  `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const PACKAGE_RELS_XML =
  `${XML_DECLARATION}<Relationships xmlns="${RELATIONSHIPS}">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

export const DOCUMENT_RELS_XML =
  `${XML_DECLARATION}<Relationships xmlns="${RELATIONSHIPS}">` + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' + '</Relationships>';

/** docProps/core.xml: title, creator, the search as the description, created and modified at the download's date. */
export function corePropertiesXml(stamp: TableStamp): string {
  const date = stamp.generatedAt.replace(/\.\d+Z$/, 'Z');
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>Case table</dc:title><dc:creator>case-report-search</dc:creator><dc:description>${xmlText(stamp.search)}</dc:description>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${xmlText(date)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${xmlText(date)}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
