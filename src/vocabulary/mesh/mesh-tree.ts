import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MeshDescriptor {
  ui: string;
  label: string;
  treeNumbers: string[];
}

/** The MeSH tree (descriptors, labels, ancestors over every tree position). Immutable; one per process. */
export class MeshTree {
  private readonly byUi = new Map<string, MeshDescriptor>();
  private readonly uiByTreeNumber = new Map<string, string>();
  private readonly uiByLabel = new Map<string, string>();
  private readonly ancestorCache = new Map<string, readonly string[]>();
  private readonly parentCache = new Map<string, readonly string[]>();

  constructor(rows: Iterable<[treeNumber: string, ui: string, label: string]>) {
    for (const [treeNumber, ui, label] of rows) {
      let descriptor = this.byUi.get(ui);
      if (!descriptor) {
        descriptor = { ui, label, treeNumbers: [] };
        this.byUi.set(ui, descriptor);
        this.uiByLabel.set(label.toLowerCase(), ui);
      }
      descriptor.treeNumbers.push(treeNumber);
      this.uiByTreeNumber.set(treeNumber, ui);
    }
  }

  /** Check tags have no place in the tree but are on most records; they still need a label. */
  static readonly CHECK_TAGS: Readonly<Record<string, string>> = { D008297: 'Male', D005260: 'Female' };

  /** Parses the TSV text (header row and BOM skipped; malformed lines ignored). */
  static parse(text: string): MeshTree {
    const rows: [string, string, string][] = [];
    for (const line of text.replace(/^\uFEFF/, '').split('\n')) {
      const [treeNumber, ui, label] = line.replace(/\r$/, '').split('\t');
      if (!treeNumber || !label || !/^D\d+$/.test(ui ?? '')) continue;
      rows.push([treeNumber, ui, label]);
    }
    return new MeshTree(rows);
  }

  private static loaded: MeshTree | null = null;

  /** The bundled MeSH 2017 tree, read on first use. */
  static bundled(): MeshTree {
    MeshTree.loaded ??= MeshTree.parse(readFileSync(join(__dirname, 'mesh-2017-tree.tsv'), 'utf8'));
    return MeshTree.loaded;
  }

  get size(): number {
    return this.byUi.size;
  }

  get(ui: string): MeshDescriptor | undefined {
    return this.byUi.get(ui);
  }

  labelOf(ui: string): string | null {
    return this.byUi.get(ui)?.label ?? MeshTree.CHECK_TAGS[ui] ?? null;
  }

  uiOfLabel(label: string): string | null {
    const wanted = label.trim().toLowerCase();
    return this.uiByLabel.get(wanted) ?? Object.entries(MeshTree.CHECK_TAGS).find(([, name]) => name.toLowerCase() === wanted)?.[0] ?? null;
  }

  /** Descriptors directly above it, at any of its tree positions. */
  parentsOf(ui: string): readonly string[] {
    let parents = this.parentCache.get(ui);
    if (!parents) {
      const found = new Set<string>();
      for (const treeNumber of this.byUi.get(ui)?.treeNumbers ?? []) {
        const cut = treeNumber.lastIndexOf('.');
        const parent = cut > 0 ? this.uiByTreeNumber.get(treeNumber.slice(0, cut)) : undefined;
        if (parent && parent !== ui) found.add(parent);
      }
      parents = [...found];
      this.parentCache.set(ui, parents);
    }
    return parents;
  }

  /** Every descriptor above it, at any of its tree positions (not itself). */
  ancestorsOf(ui: string): readonly string[] {
    let ancestors = this.ancestorCache.get(ui);
    if (!ancestors) {
      const found = new Set<string>();
      for (const treeNumber of this.byUi.get(ui)?.treeNumbers ?? []) {
        const parts = treeNumber.split('.');
        for (let i = 1; i < parts.length; i++) {
          const ancestor = this.uiByTreeNumber.get(parts.slice(0, i).join('.'));
          if (ancestor && ancestor !== ui) found.add(ancestor);
        }
      }
      ancestors = [...found].sort();
      this.ancestorCache.set(ui, ancestors);
    }
    return ancestors;
  }
}
