// The popup's event-code lookup says what the event-log badge says: one model, in features/views.
// TODO(components/popup owner): import these from '@/features/views' in checks/event-code.tsx and delete this file.
export { eventCodeModel, eventCodeWord } from '@/features/views';
