import PDFDocument from 'pdfkit';
import type { LetterContent } from './letter-templates.js';

// US Letter in PDF points (1/72 in); one-inch margins as in a business letter, a taller bottom
// margin that leaves room for the regulator footer.
const page = { width: 612, height: 792, margin: 72, bottomMargin: 100 };
const colors = { brand: '#1f3a5f', text: '#222222', muted: '#5f6b7a', rule: '#b8c2cc' };
const fonts = { regular: 'Helvetica', bold: 'Helvetica-Bold' };

type Doc = PDFKit.PDFDocument;

function drawLetterhead(doc: Doc, content: LetterContent): void {
  const { sender } = content;
  const top = page.margin - 24;
  doc.font(fonts.bold).fontSize(18).fillColor(colors.brand).text(sender.organizationName, page.margin, top, { lineBreak: false });
  const contactLines = [...sender.addressLines, `${sender.phone} · ${sender.website}`];
  doc.font(fonts.regular).fontSize(8.5).fillColor(colors.muted);
  contactLines.forEach((line, index) => {
    doc.text(line, page.margin, top + index * 11, { width: page.width - 2 * page.margin, align: 'right', lineBreak: false });
  });
  const ruleY = top + contactLines.length * 11 + 6;
  doc.moveTo(page.margin, ruleY).lineTo(page.width - page.margin, ruleY).lineWidth(1.5).strokeColor(colors.brand).stroke();
  doc.x = page.margin;
  doc.y = ruleY + 28;
}

function drawAddressBlock(doc: Doc, content: LetterContent): void {
  doc.font(fonts.regular).fontSize(11).fillColor(colors.text);
  doc.text(content.letterDate, { align: 'right' });
  doc.moveDown(1.5);
  for (const line of [content.recipient.fullName, ...content.recipient.addressLines]) doc.text(line);
  doc.moveDown(1.5);
  doc.font(fonts.regular).fontSize(9.5).fillColor(colors.muted);
  for (const line of content.referenceLines) doc.text(line);
  doc.moveDown(1);
  doc.font(fonts.bold).fontSize(12).fillColor(colors.text).text(`Re: ${content.subject}`);
  doc.moveDown(1);
}

function drawBody(doc: Doc, content: LetterContent): void {
  const width = page.width - 2 * page.margin;
  doc.font(fonts.regular).fontSize(11).fillColor(colors.text).text(content.salutation);
  doc.moveDown(0.8);
  for (const paragraph of content.paragraphs) {
    doc.text(paragraph, { width, align: 'left', lineGap: 2 });
    doc.moveDown(0.8);
  }
  if (content.facts.length > 0) drawFacts(doc, content.facts);
  doc.moveDown(0.5);
  doc.text(content.closing);
  doc.moveDown(2.5);
  doc.font(fonts.bold).text(content.signature.name);
  doc.font(fonts.regular).fillColor(colors.muted).text(content.signature.title);
  doc.text(content.sender.organizationName);
}

function drawFacts(doc: Doc, facts: LetterContent['facts']): void {
  const labelWidth = 190;
  const left = page.margin + 12;
  const valueWidth = page.width - page.margin - left - labelWidth;
  const top = doc.y;
  doc.fontSize(10);
  let y = top + 8;
  for (const fact of facts) {
    doc.font(fonts.bold).fillColor(colors.muted).text(fact.label, left, y, { width: labelWidth - 8 });
    doc.font(fonts.regular).fillColor(colors.text).text(fact.value, left + labelWidth, y, { width: valueWidth });
    y = Math.max(doc.y, y + 14) + 3;
  }
  doc
    .rect(page.margin, top, page.width - 2 * page.margin, y - top + 5)
    .lineWidth(0.75)
    .strokeColor(colors.rule)
    .stroke();
  doc.x = page.margin;
  doc.y = y + 18;
  doc.fontSize(11).fillColor(colors.text);
}

function drawFooters(doc: Doc, content: LetterContent): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would make PDFKit open a new page; lift the margin first.
    doc.page.margins.bottom = 0;
    const top = page.height - page.bottomMargin + 30;
    const width = page.width - 2 * page.margin;
    doc.moveTo(page.margin, top).lineTo(page.width - page.margin, top).lineWidth(0.5).strokeColor(colors.rule).stroke();
    doc.font(fonts.regular).fontSize(7.5).fillColor(colors.muted);
    doc.text(content.sender.regulatorNotice, page.margin, top + 6, { width, align: 'center' });
    doc.text(`${content.sender.organizationName} · ${content.referenceLines.join(' · ')} · Page ${index + 1} of ${range.count}`, page.margin, doc.y + 2, {
      width,
      align: 'center',
    });
  }
}

/**
 * Lays a composed letter out as a one- or two-page US Letter PDF: letterhead, date, address block,
 * reference and subject, salutation, body, facts table, signature, and a regulator footer on every
 * page. `createdAt` fixes the PDF's creation date so a re-render of the same letter is identical.
 */
export async function renderLetterPdf(content: LetterContent, createdAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: page.margin, left: page.margin, right: page.margin, bottom: page.bottomMargin },
    bufferPages: true,
    info: { Title: content.subject, Author: content.sender.organizationName, Subject: content.referenceLines.join(' '), CreationDate: createdAt },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  drawLetterhead(doc, content);
  drawAddressBlock(doc, content);
  drawBody(doc, content);
  drawFooters(doc, content);
  doc.end();
  return await finished;
}
