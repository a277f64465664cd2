import type { Faker } from '@faker-js/faker';
import type { DemoCustomer } from './demo-customer-generator.js';
import { seedReferenceDate } from './seed-db.js';

type DemoInteraction = DemoCustomer['interactions'][number];

const summariesByAccountType: Record<string, string[]> = {
  loan: [
    'Asked for the payoff amount and a payoff letter',
    'Reported the autopay draft did not go through this month',
    'Requested a copy of the last annual statement',
    'Asked to move the payment due date to the 15th',
    'Questioned a late fee on the last statement',
    'Asked about hardship options after a job loss',
  ],
  guarantee: ['Asked whether the guarantee can be released', 'Requested the current balance of the guaranteed loan'],
  investment: ['Asked when the next distribution will be paid', 'Requested the 1099 tax form', 'Asked to reinvest distributions'],
  order: ['Asked where the package is', 'Reported a damaged item on delivery', 'Requested a refund for a returned item', 'Asked to change the shipping address'],
};
const general = ['Could not log in to the portal; password reset sent', 'Updated mailing address', 'Asked to stop marketing e-mails', 'Confirmed identity and updated phone number'];

/** Three to ten calls, e-mails, chats and portal messages over the past year, oldest first. */
export function generateInteractions(faker: Faker, input: { customerNumber: string; accounts: DemoCustomer['accounts']; agentCount: number }): DemoInteraction[] {
  const count = faker.number.int({ min: 3, max: 10 });
  const topics = [...general, ...input.accounts.flatMap((account) => summariesByAccountType[account.accountType] ?? [])];
  // During US business hours: 14:00-22:59 UTC is 09:00-17:59 Eastern (standard time).
  const dates = Array.from({ length: count }, () => {
    const date = faker.date.recent({ days: 365, refDate: seedReferenceDate });
    date.setUTCHours(faker.number.int({ min: 14, max: 22 }));
    return date;
  }).sort((a, b) => a.getTime() - b.getTime());
  return dates.map((occurredAt, position) => {
    const channel = faker.helpers.weightedArrayElement([
      { value: 'phone' as const, weight: 40 },
      { value: 'email' as const, weight: 30 },
      { value: 'chat' as const, weight: 15 },
      { value: 'portal' as const, weight: 10 },
      { value: 'sms' as const, weight: 5 },
    ]);
    const externalReference = `INT-${input.customerNumber.slice(4)}-${String(position + 1).padStart(3, '0')}`;
    const isOutbound = channel === 'sms' || faker.number.int({ min: 1, max: 100 }) <= 15;
    const hasAgent = channel === 'phone' || channel === 'chat' || (channel === 'email' && !isOutbound);
    const month = occurredAt.toISOString().slice(0, 7).replace('-', '/');
    return {
      externalReference,
      channel,
      direction: isOutbound ? 'outbound' : 'inbound',
      agentIndex: hasAgent ? faker.number.int({ min: 0, max: input.agentCount - 1 }) : null,
      summary: isOutbound && channel === 'sms' ? 'Payment reminder sent' : faker.helpers.arrayElement(topics),
      // All calls are recorded and linked (lending story, non-functional requirements).
      recordingReference: channel === 'phone' ? `recordings/${month}/${externalReference}.wav` : null,
      durationSeconds: channel === 'phone' ? faker.number.int({ min: 90, max: 1500 }) : channel === 'chat' ? faker.number.int({ min: 120, max: 900 }) : null,
      occurredAt,
    };
  });
}
