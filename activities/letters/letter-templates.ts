/**
 * The words of the complaint letters. Pure: the activity loads the data, these functions turn it
 * into a letter's parts, and the renderer lays them out. Dates arrive already formatted in the
 * case's time zone so the templates never guess a zone.
 */

export const complaintLetterKinds = ['acknowledgement', 'interim_response', 'response'] as const;
export type ComplaintLetterKind = (typeof complaintLetterKinds)[number];

/** Who writes: the letterhead, the signature and the regulator footer. */
export interface LetterSender {
  organizationName: string;
  addressLines: string[];
  phone: string;
  website: string;
  signatoryName: string;
  signatoryTitle: string;
  /** Where a customer may take a complaint next (the footer of every letter). */
  regulatorNotice: string;
}

export const defaultLetterSender: LetterSender = {
  organizationName: 'Harbor Lending Services',
  addressLines: ['200 Congress Street, Suite 400', 'Boston, MA 02110'],
  phone: '1-800-555-0199',
  website: 'www.harborlending.example',
  signatoryName: 'Customer Relations Team',
  signatoryTitle: 'Complaints and Compliance',
  regulatorNotice:
    'If you are not satisfied with our response, you may contact the Consumer Financial Protection Bureau, ' +
    '1700 G Street NW, Washington, DC 20552 · consumerfinance.gov/complaint · (855) 411-2372.',
};

/** The data a complaint letter is made from (dates already formatted for the reader). */
export interface ComplaintLetterData {
  kind: ComplaintLetterKind;
  caseReference: string;
  caseSubject: string;
  letterDate: string;
  receivedDate: string;
  recipient: { fullName: string; addressLines: string[] };
  deadlines: { resolutionDue: string; regulatorResponseDue: string; regulatorFinalResponseDue: string };
  resolution: { categoryLabel: string; isResolved: boolean; notes: string } | null;
  handlerName: string | null;
}

/** A letter ready for layout: each part in reading order. */
export interface LetterContent {
  sender: LetterSender;
  letterDate: string;
  recipient: { fullName: string; addressLines: string[] };
  referenceLines: string[];
  subject: string;
  salutation: string;
  paragraphs: string[];
  /** Label/value rows printed as a small table after the paragraphs (deadlines, outcome). */
  facts: { label: string; value: string }[];
  closing: string;
  signature: { name: string; title: string };
}

function composeBody(data: ComplaintLetterData): { subject: string; paragraphs: string[]; facts: LetterContent['facts'] } {
  const about = `your complaint about "${data.caseSubject}"`;
  if (data.kind === 'acknowledgement') {
    return {
      subject: 'We have received your complaint',
      paragraphs: [
        `Thank you for contacting us. We received ${about} on ${data.receivedDate} and have registered it as a formal complaint under reference ${data.caseReference}.`,
        'A senior complaint handler is now reviewing your case. We will investigate the matter fully and write to you with our response. Please quote your case reference whenever you contact us.',
        `We aim to send you our final response by ${data.deadlines.resolutionDue}. If we need more time, we will write to you before ${data.deadlines.regulatorResponseDue} to explain why and tell you when to expect our final response.`,
      ],
      facts: [
        { label: 'Case reference', value: data.caseReference },
        { label: 'Complaint received', value: data.receivedDate },
        { label: 'Our final response by', value: data.deadlines.resolutionDue },
        { label: 'Regulatory response deadline', value: data.deadlines.regulatorResponseDue },
        { label: 'Regulatory final response deadline', value: data.deadlines.regulatorFinalResponseDue },
      ],
    };
  }
  if (data.kind === 'interim_response') {
    return {
      subject: 'An update on your complaint',
      paragraphs: [
        `We are writing about ${about}, which we received on ${data.receivedDate} (reference ${data.caseReference}).`,
        'Our investigation is still in progress. We have not yet been able to complete it, and we want to keep you informed while we do.',
        `We will send you our final response no later than ${data.deadlines.regulatorFinalResponseDue}.`,
      ],
      facts: [
        { label: 'Case reference', value: data.caseReference },
        { label: 'Final response no later than', value: data.deadlines.regulatorFinalResponseDue },
      ],
    };
  }
  const resolution = data.resolution;
  const outcome = resolution?.isResolved
    ? 'We have completed our investigation and consider your complaint resolved.'
    : 'We have completed our investigation. Some matters remain open, as explained below.';
  return {
    subject: 'Our final response to your complaint',
    paragraphs: [
      `We are writing with our final response to ${about}, which we received on ${data.receivedDate} (reference ${data.caseReference}).`,
      outcome,
      ...(resolution?.notes ? [resolution.notes] : []),
      'Thank you for bringing this matter to our attention. Your feedback helps us improve our service.',
    ],
    facts: [
      { label: 'Case reference', value: data.caseReference },
      { label: 'Outcome', value: resolution?.categoryLabel ?? 'Not recorded' },
      { label: 'Date of this response', value: data.letterDate },
    ],
  };
}

/** Composes an acknowledgement, interim or final response letter for a formal complaint. */
export function composeComplaintLetter(data: ComplaintLetterData, sender: LetterSender = defaultLetterSender): LetterContent {
  const body = composeBody(data);
  return {
    sender,
    letterDate: data.letterDate,
    recipient: data.recipient,
    referenceLines: [`Our reference: ${data.caseReference}`],
    subject: body.subject,
    salutation: `Dear ${data.recipient.fullName},`,
    paragraphs: body.paragraphs,
    facts: body.facts,
    closing: 'Yours sincerely,',
    signature: { name: data.handlerName ?? sender.signatoryName, title: sender.signatoryTitle },
  };
}
