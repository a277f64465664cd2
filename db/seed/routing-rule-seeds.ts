import type { NewRoutingRule } from '../schema.js';

/**
 * Demo routing rules (lending story B: type, segment, complexity; CRM use case A-1: skills).
 * Evaluated in position order; `isFinal` stops at the first final match.
 */
export const routingRuleSeeds: NewRoutingRule[] = [
  { code: 'formal_complaints', name: 'Formal complaints to senior handlers', position: 10, conditions: { caseTypes: ['complaint'] }, targetQueueCode: 'complaints', requiredSkills: [{ skillCode: 'complaint_handling', minLevel: 3 }], requiresSeniorHandler: true, isFinal: true },
  { code: 'api_integration', name: 'API integration errors to integration specialists', position: 20, conditions: { tagsAny: ['api-integration'] }, targetQueueCode: 'technical_support', requiredSkills: [{ skillCode: 'api_integration', minLevel: 3 }], isFinal: true },
  { code: 'complex_priority_clients', name: 'Complex VIP and institutional cases to the priority desk', position: 30, conditions: { segments: ['vip', 'institutional'], complexities: ['complex'] }, targetQueueCode: 'priority_clients', priorityAdjustment: -1, requiresSeniorHandler: true, isFinal: true },
  { code: 'vip_priority_boost', name: 'VIP customers one priority level up', position: 40, conditions: { segments: ['vip', 'institutional'] }, priorityAdjustment: -1 },
  { code: 'payment_issues', name: 'Payment issues to Payments', position: 50, conditions: { caseTypes: ['payment_issue'] }, targetQueueCode: 'payments', requiredSkills: [{ skillCode: 'payments', minLevel: 2 }], isFinal: true },
  { code: 'disputes', name: 'Disputes to Disputes', position: 60, conditions: { caseTypes: ['dispute'] }, targetQueueCode: 'disputes', requiredSkills: [{ skillCode: 'disputes', minLevel: 3 }], isFinal: true },
  { code: 'information_requests', name: 'Information requests to General Inquiries', position: 70, conditions: { caseTypes: ['information_request'] }, targetQueueCode: 'general_inquiries', requiredSkills: [{ skillCode: 'loan_servicing', minLevel: 2 }], isFinal: true },
  { code: 'account_access', name: 'Login problems to Login', position: 80, conditions: { caseTypes: ['account_access'] }, targetQueueCode: 'login', requiredSkills: [{ skillCode: 'account_access', minLevel: 2 }], isFinal: true },
  { code: 'orders', name: 'Order issues to Orders', position: 90, conditions: { caseTypes: ['order_issue'] }, targetQueueCode: 'orders', requiredSkills: [{ skillCode: 'orders_and_deliveries', minLevel: 2 }], isFinal: true },
  { code: 'deliveries', name: 'Delivery issues to Deliveries', position: 100, conditions: { caseTypes: ['delivery_issue'] }, targetQueueCode: 'deliveries', requiredSkills: [{ skillCode: 'orders_and_deliveries', minLevel: 2 }], isFinal: true },
  { code: 'refunds', name: 'Refund requests to Refunds', position: 110, conditions: { caseTypes: ['refund_request'] }, targetQueueCode: 'refunds', requiredSkills: [{ skillCode: 'refunds', minLevel: 2 }], isFinal: true },
  { code: 'technical_issues', name: 'Other technical issues to Technical Support', position: 120, conditions: { caseTypes: ['technical_issue'] }, targetQueueCode: 'technical_support', isFinal: true },
];
