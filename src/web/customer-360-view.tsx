import type { Child } from 'hono/jsx';
import type { Customer360 } from '../../db/customer-repository.js';
import { caseChannels } from '../../db/schema.js';
import { casePriorities, caseTypeLabels, caseTypes } from '../domain/case-vocabulary.js';
import { PriorityChip, SlaChip, StatusChip } from './case-badges.js';
import { formatInstant, formatMoney, humanizeCode } from './format-time.js';

type Dated<T, K extends keyof T> = Omit<T, K> & { [P in K]: string };

/** The 360° view as the API answers it (dates as ISO strings, PII masked by role). */
export interface Customer360Data {
  profile: Dated<Customer360['profile'], 'customerSince'>;
  preferences: Customer360['preferences'];
  accounts: Customer360['accounts'];
  recentTransactions: Array<Dated<Customer360['recentTransactions'][number], 'occurredAt'>>;
  openCases: Array<Dated<Customer360['openCases'][number], 'createdAt'>>;
  recentInteractions: Array<Dated<Customer360['recentInteractions'][number], 'occurredAt'>>;
  riskFlags: Array<Dated<Customer360['riskFlags'][number], 'raisedAt'>>;
  csat: { responseCount: number; averageScore: number | null; lastScore: number | null; history: Array<{ caseId: string; score: number | null; isResolved: boolean | null; comment: string | null; answeredAt: string | null }> };
}

function Section(props: { id: string; title: string; children: Child }) {
  return <section class="panel" aria-labelledby={props.id}><h2 id={props.id}>{props.title}</h2>{props.children}</section>;
}

/** One-click case creation: customer, channel and a likely type already filled in. */
export function NewCaseForm(props: { view: Customer360Data; csrfToken: string }) {
  const channel = (caseChannels as readonly string[]).includes(props.view.preferences.preferredChannel) ? props.view.preferences.preferredChannel : 'phone';
  return (
    <form class="stack" method="post" action={`/app/customers/${props.view.profile.customerId}/cases`}>
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      <input type="hidden" name="idempotencyKey" value={crypto.randomUUID()} />
      <label>Subject<input name="subject" required maxlength={200} value={`Call from ${props.view.profile.name}`} /></label>
      <label>Case type<select name="caseType">{caseTypes.map((type) => <option value={type} selected={type === 'information_request'}>{caseTypeLabels[type]}</option>)}</select></label>
      <label>Channel<select name="channel">{caseChannels.map((option) => <option value={option} selected={option === channel}>{option}</option>)}</select></label>
      <label>Priority<select name="priority"><option value="">Type default</option>{casePriorities.map((priority) => <option value={priority}>{priority}</option>)}</select></label>
      <label>Description<textarea name="description" rows={3} maxlength={10000}></textarea></label>
      <button type="submit">Create case</button>
    </form>
  );
}

/** Profile, accounts, payments, open cases, last interactions, preferences, risk flags and CSAT, on one page. */
export function Customer360View(props: { view: Customer360Data; csrfToken: string; canCreateCase: boolean; timeZone?: string }) {
  const { view } = props;
  return (
    <div class="grid-wide">
      <div>
        <Section id="accounts-title" title="Accounts">
          <div class="table-scroll" tabindex={0}><table>
            <thead><tr><th scope="col">Account</th><th scope="col">Product</th><th scope="col">Status</th><th scope="col">Balance</th><th scope="col">Next payment</th></tr></thead>
            <tbody>{view.accounts.map((a) => <tr><td>{a.accountNumber}</td><td>{a.productName}</td><td>{a.status}</td><td>{formatMoney(a.balanceCents, a.currency)}</td><td>{a.nextPaymentDueOn ?? '—'}{a.nextPaymentAmountCents !== null ? ` · ${formatMoney(a.nextPaymentAmountCents, a.currency)}` : ''}</td></tr>)}</tbody>
          </table></div>
        </Section>
        <Section id="open-cases-title" title="Open cases">
          {view.openCases.length === 0 ? <p class="muted">No open cases.</p> : (
            <ul>{view.openCases.map((k) => <li><a href={`/app/cases/${k.caseId}`}>#{k.caseNumber} {k.subject}</a> <StatusChip status={k.status} /> <PriorityChip priority={k.priority} /> <SlaChip state={k.slaState} /></li>)}</ul>
          )}
        </Section>
        <Section id="payments-title" title="Recent payments">
          <div class="table-scroll" tabindex={0}><table>
            <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Amount</th><th scope="col">Status</th></tr></thead>
            <tbody>{view.recentTransactions.map((t) => <tr><td>{formatInstant(t.occurredAt, props.timeZone)}</td><td>{t.description}</td><td>{formatMoney(t.amountCents, t.currency)}</td><td>{t.status}</td></tr>)}</tbody>
          </table></div>
        </Section>
        <Section id="interactions-title" title="Last 10 interactions">
          <ul>{view.recentInteractions.map((i) => <li>{formatInstant(i.occurredAt, props.timeZone)} · {i.channel} ({i.direction}): {i.summary}</li>)}</ul>
        </Section>
      </div>
      <div>
        {props.canCreateCase && <Section id="new-case-title" title="New case for this customer"><NewCaseForm view={view} csrfToken={props.csrfToken} /></Section>}
        <Section id="profile-title" title="Profile">
          <dl class="facts">
            <dt>Customer</dt><dd>{view.profile.customerNumber}</dd>
            <dt>E-mail</dt><dd>{view.profile.email ?? '—'}</dd>
            <dt>Phone</dt><dd>{view.profile.phone ?? '—'}</dd>
            <dt>Segment</dt><dd>{humanizeCode(view.profile.segment)}</dd>
            <dt>Region</dt><dd>{view.profile.regionCode}{props.timeZone ? ` (times shown in ${props.timeZone})` : ''}</dd>
            <dt>Language</dt><dd>{view.profile.preferredLanguage}</dd>
            <dt>Since</dt><dd>{view.profile.customerSince.slice(0, 10)}</dd>
            <dt>Health</dt><dd>{view.profile.healthScore}</dd>
          </dl>
        </Section>
        <Section id="preferences-title" title="Preferences">
          <p>Prefers {view.preferences.preferredChannel}{view.preferences.quietHoursStart ? `; quiet hours ${view.preferences.quietHoursStart}–${view.preferences.quietHoursEnd ?? ''}` : ''}</p>
        </Section>
        <Section id="risk-title" title="Risk flags">
          {view.riskFlags.length === 0 ? <p class="muted">None.</p> : <ul>{view.riskFlags.map((f) => <li><span class="chip bad">{humanizeCode(f.flag)}</span> {f.note ?? ''}</li>)}</ul>}
        </Section>
        <Section id="csat-title" title="CSAT">
          <p>{view.csat.responseCount} answers · average {view.csat.averageScore?.toFixed(1) ?? '—'} · last {view.csat.lastScore ?? '—'}</p>
        </Section>
      </div>
    </div>
  );
}
