/**
 * Streams one XML part of a workbook through saxes (a conforming, non-validating SAX parser):
 * entities, CDATA and namespaces prefixes are its business, not ours. Unpacked bytes count against
 * the input's budget, and text that runs on without a tag is cut off before it can fill memory.
 */
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { InputError } from '../../errors.js';
import type { ZipEntry, ZipFile } from './zip.js';
import { MAX_XML_TEXT, textTooLong, type UnpackedBudget } from './limits.js';
import { t } from '../../i18n/index.js';

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close(name: string): void;
  /** Called after each chunk is parsed: where a reader hands on what it gathered. */
  chunk?(): void;
}

/** A tag name without its namespace prefix (`x:row` -> `row`): strict OOXML writers use them. */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

export async function* parseXmlPart(
  zip: ZipFile, entry: ZipEntry, budget: UnpackedBudget, label: string, h: XmlHandlers,
): AsyncGenerator<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let failure: Error | undefined;
  let sinceTag = 0;
  parser.on('opentag', (tag) => { sinceTag = 0; h.open(localName(tag.name), tag.attributes as Record<string, string>); });
  parser.on('closetag', (tag) => { sinceTag = 0; h.close(localName(tag.name)); });
  if (h.text) {
    const text = h.text;
    parser.on('text', text);
    parser.on('cdata', text);
  }
  parser.on('error', (e) => { failure ??= e; });
  const stream = await zip.stream(entry);
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      budget.add(chunk.length);
      sinceTag += chunk.length;
      if (sinceTag > MAX_XML_TEXT) throw textTooLong(label, entry.name);
      parser.write(decoder.write(chunk));
      if (failure) break;
      h.chunk?.();
      yield;
    }
    if (!failure) parser.write(decoder.end()).close();
  } catch (e) {
    if (e instanceof InputError) throw e;
    failure ??= e as Error;
  } finally {
    stream.destroy();
  }
  if (failure) throw new InputError(t('xlsx.broken', { label, why: `${entry.name}: ${failure.message.split('\n')[0]}` }));
}

/** Reads a small part whole (workbook, relationships, styles): no need to yield to anyone. */
export async function readXmlPart(zip: ZipFile, entry: ZipEntry, budget: UnpackedBudget, label: string, h: XmlHandlers): Promise<void> {
  for await (const _ of parseXmlPart(zip, entry, budget, label, h)) { /* parse on */ }
}
