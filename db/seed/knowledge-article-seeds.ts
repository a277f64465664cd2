import type { NewKnowledgeArticle } from '../schema.js';

/** Knowledge-base articles the agents reuse; "API Call Signature Failure Troubleshooting" is CRM use case C-1's. */
export const knowledgeArticleSeeds: NewKnowledgeArticle[] = [
  {
    slug: 'api-call-signature-failure-troubleshooting',
    title: 'API Call Signature Failure Troubleshooting',
    tags: ['api-integration', 'api', 'signature', 'authentication'],
    rating: 4.6,
    ratingCount: 38,
    reuseCount: 112,
    isBestPractice: true,
    body: `Symptom: partner API calls fail with 401 "invalid signature".

1. Check the request timestamp: signatures older than 5 minutes are rejected; the partner's server clock must be NTP-synchronised.
2. Confirm the signing key: keys rotate every 90 days; a key from the previous rotation fails silently.
3. Canonicalise before signing: method, path, sorted query string, and the SHA-256 of the exact body bytes sent. Re-serialising JSON after signing changes the body.
4. Encode the signature as base64url without padding.
5. Compare with the signature our sandbox returns for the same request (Developer portal → Signature tester).

Template reply: "We found that your requests were signed with … Please … and retry; your calls will succeed without any change on our side."`,
  },
  {
    slug: 'webhook-delivery-retries',
    title: 'Webhook Deliveries Missing or Delayed',
    tags: ['api-integration', 'webhooks'],
    rating: 4.2,
    ratingCount: 17,
    reuseCount: 41,
    body: 'Webhooks retry with exponential back-off for 24 hours. Check the endpoint answers 2xx within 10 seconds, that TLS certificates are valid, and look up the delivery log in the developer portal by event id. Replays can be triggered from the log.',
  },
  {
    slug: 'returned-autopay-payment',
    title: 'Autopay Payment Returned (NSF or Closed Account)',
    tags: ['payment-issue', 'autopay', 'nsf'],
    rating: 4.4,
    ratingCount: 52,
    reuseCount: 230,
    isBestPractice: true,
    body: 'Explain the return reason code from the bank, confirm the current bank details, offer a one-time payment by debit card, and tell the customer whether a returned-payment fee applies. A fee waiver is a payment adjustment and needs supervisor approval.',
  },
  {
    slug: 'payoff-quote-request',
    title: 'Providing a Loan Payoff Quote',
    tags: ['information-request', 'loan', 'payoff'],
    rating: 4.7,
    ratingCount: 61,
    reuseCount: 310,
    isBestPractice: true,
    body: 'Payoff quotes are valid for 10 calendar days and include per-diem interest. Generate the quote from the loan account, send it by the customer\'s preferred channel, and note the good-through date on the case.',
  },
  {
    slug: 'formal-complaint-handling',
    title: 'Handling a Formal Complaint (15 Business Days)',
    tags: ['complaint', 'compliance', 'cfpb'],
    rating: 4.8,
    ratingCount: 24,
    reuseCount: 75,
    isBestPractice: true,
    body: 'A formal complaint is a written statement of dissatisfaction that requires a response. Acknowledge it in writing, assign it to a senior handler, resolve it within 15 business days; it escalates to compliance on business day 10. The response letter is always written, whatever the customer\'s channel preference.',
  },
  {
    slug: 'credit-reporting-dispute',
    title: 'Credit Reporting Disputes',
    tags: ['dispute', 'credit-reporting'],
    rating: 4.1,
    ratingCount: 19,
    reuseCount: 58,
    body: 'Record the tradeline and the disputed field, request supporting documents, and open the bureau correction request. The customer must receive the outcome in writing within the dispute SLA.',
  },
  {
    slug: 'password-reset-and-mfa',
    title: 'Password Reset and MFA Lock-outs',
    tags: ['account-access', 'login', 'mfa'],
    rating: 4.3,
    ratingCount: 88,
    reuseCount: 402,
    isBestPractice: true,
    body: 'Verify identity with two factors on file before any reset. Never read a one-time code back to a caller. After five failed MFA attempts the account locks for 30 minutes.',
  },
  {
    slug: 'damaged-delivery-replacement',
    title: 'Damaged Delivery: Replacement or Reimbursement',
    tags: ['delivery-issue', 'refund-request', 'replacement'],
    rating: 3.9,
    ratingCount: 33,
    reuseCount: 97,
    body: 'Ask for a photo of the damaged item and the packaging. Under the approval threshold the handler can offer a replacement; reimbursements and gifts with financial impact need a senior specialist.',
  },
  {
    slug: 'investor-distribution-schedule',
    title: 'Investor Distribution Schedule',
    tags: ['information-request', 'investment'],
    rating: 4.0,
    ratingCount: 12,
    reuseCount: 26,
    body: 'Distributions are paid on the 15th of each month, or the next business day when the 15th is a weekend or a federal holiday.',
  },
  {
    slug: 'hardship-options',
    title: 'Hardship Options for Borrowers',
    tags: ['payment-issue', 'collections', 'hardship'],
    rating: 4.5,
    ratingCount: 29,
    reuseCount: 64,
    body: 'Options: a one-month deferral, a temporary reduced payment, or a due-date change. Flag the customer as vulnerable when they disclose a hardship, and never call during quiet hours (9 PM to 9 AM local time).',
  },
];
