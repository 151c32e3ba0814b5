/**
 * The case table as a Word document (.docx) a journal accepts: a real table (not tab-separated
 * text), landscape, the header row repeated on every page, the stamp above it. Built with `docx`.
 */
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { stampLines, TableStamp } from './case-table-writers';

/** Font sizes in half-points (docx's unit): 9 pt for the table, 8 pt for the stamp. */
const TABLE_SIZE = 18;
const STAMP_SIZE = 16;

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: bold || undefined, size: TABLE_SIZE })] })] });

export async function caseTableDocx(stamp: TableStamp, headers: readonly string[], rows: readonly string[][]): Promise<Buffer> {
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: headers.map((header) => cell(header, true)) }), ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text) => cell(text)) }))],
  });
  const document = new Document({
    creator: 'case-report-search',
    title: 'Case table',
    description: stamp.search,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          ...stampLines(stamp).map((line) => new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: line, size: STAMP_SIZE })] })),
          new Paragraph({ children: [] }),
          table,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
