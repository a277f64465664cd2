/** The customer portal's words in English and Spanish; staff desks are English only. */
export const portalLanguages = ['en', 'es'] as const;
export type PortalLanguage = (typeof portalLanguages)[number];

const english = {
  title: 'My cases',
  greeting: 'Hello',
  skip: 'Skip to content',
  logOut: 'Log out',
  signedInAs: 'Signed in as',
  language: 'Español',
  newCase: 'Tell us what happened',
  subject: 'Subject',
  description: 'Details',
  caseType: 'What is it about?',
  urgent: 'This is urgent',
  submit: 'Send',
  noCases: 'You have no cases yet.',
  caseHeading: 'Case',
  status: 'Status',
  opened: 'Opened',
  progress: 'Progress',
  messages: 'Messages',
  noMessages: 'No messages yet.',
  reply: 'Write to us',
  send: 'Send message',
  back: 'Back to my cases',
  created: 'Thank you. Your case was received.',
  sent: 'Your message was sent.',
  failed: 'That did not work:',
  survey: 'How did we do?',
  score: 'Your rating (1 = very unhappy, 5 = very happy)',
  solved: 'Did we solve your problem?',
  yes: 'Yes',
  no: 'No',
  comment: 'Anything else? (optional)',
  sendSurvey: 'Send my answer',
  thanks: 'Thank you for your answer.',
  types: { information_request: 'A question', payment_issue: 'A payment', dispute: 'A charge I dispute', complaint: 'A formal complaint' },
  statuses: { new: 'Received', assigned: 'Assigned to an agent', in_progress: 'Being worked on', pending_customer: 'Waiting for you', escalated: 'Being reviewed by a manager', resolved: 'Resolved', closed: 'Closed' },
  events: { case_created: 'Case received', work_started: 'Work started', paused: 'Waiting for your answer', resumed: 'Work resumed', customer_replied: 'You replied', resolved: 'Resolved', reopened: 'Reopened', closed: 'Closed', csat_sent: 'Survey sent', csat_answered: 'Survey answered' },
};

const spanish: typeof english = {
  title: 'Mis casos',
  greeting: 'Hola',
  skip: 'Saltar al contenido',
  logOut: 'Cerrar sesión',
  signedInAs: 'Sesión de',
  language: 'English',
  newCase: 'Cuéntenos qué pasó',
  subject: 'Asunto',
  description: 'Detalles',
  caseType: '¿De qué se trata?',
  urgent: 'Es urgente',
  submit: 'Enviar',
  noCases: 'Todavía no tiene casos.',
  caseHeading: 'Caso',
  status: 'Estado',
  opened: 'Abierto',
  progress: 'Avance',
  messages: 'Mensajes',
  noMessages: 'Aún no hay mensajes.',
  reply: 'Escríbanos',
  send: 'Enviar mensaje',
  back: 'Volver a mis casos',
  created: 'Gracias. Recibimos su caso.',
  sent: 'Su mensaje fue enviado.',
  failed: 'No funcionó:',
  survey: '¿Cómo lo hicimos?',
  score: 'Su calificación (1 = muy insatisfecho, 5 = muy satisfecho)',
  solved: '¿Resolvimos su problema?',
  yes: 'Sí',
  no: 'No',
  comment: '¿Algo más? (opcional)',
  sendSurvey: 'Enviar mi respuesta',
  thanks: 'Gracias por su respuesta.',
  types: { information_request: 'Una pregunta', payment_issue: 'Un pago', dispute: 'Un cargo que disputo', complaint: 'Una queja formal' },
  statuses: { new: 'Recibido', assigned: 'Asignado a un agente', in_progress: 'En proceso', pending_customer: 'Esperando su respuesta', escalated: 'En revisión por un gerente', resolved: 'Resuelto', closed: 'Cerrado' },
  events: { case_created: 'Caso recibido', work_started: 'Trabajo iniciado', paused: 'Esperando su respuesta', resumed: 'Trabajo reanudado', customer_replied: 'Usted respondió', resolved: 'Resuelto', reopened: 'Reabierto', closed: 'Cerrado', csat_sent: 'Encuesta enviada', csat_answered: 'Encuesta respondida' },
};

export type PortalMessages = typeof english;

/** The portal's words for a language. */
export function findPortalMessages(language: PortalLanguage): PortalMessages {
  return language === 'es' ? spanish : english;
}

/** The language from `?lang=`, else the `lang` cookie, else the browser's Accept-Language, else English. */
export function choosePortalLanguage(query: string | undefined, cookie: string | undefined, acceptLanguage: string | undefined): PortalLanguage {
  for (const candidate of [query, cookie]) if (candidate === 'en' || candidate === 'es') return candidate;
  return acceptLanguage?.trim().toLowerCase().startsWith('es') ? 'es' : 'en';
}
