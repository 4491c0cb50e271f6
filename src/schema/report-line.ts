import { builder } from './builder.js';

export interface ReportLineShape {
  readonly number: number;
  readonly text: string;
}

export const ReportLineRef = builder.objectRef<ReportLineShape>('ReportLine').implement({
  description: 'One line of a report, personal data masked.',
  fields: (t) => ({
    number: t.exposeInt('number', {
      description: 'Its line number, from 1: the numbering of `Evidence.firstLine` and `lastLine`.',
    }),
    text: t.exposeString('text', {
      description: 'The line as written, email addresses and phone numbers replaced by a mask.',
    }),
  }),
});
