// The one icon set (Lucide, ISC licence): SVG drawn in the text colour, so it shows on every
// device (an emoji needs a font the phone may lack) and follows high-contrast modes. One file
// per icon, so a page ships only the icons it draws. An icon is decorative (Lucide sets
// aria-hidden): put visible text or an accessible name on whatever holds it.
export { default as BellIcon } from 'lucide-react/icons/bell';
export { default as MenuIcon } from 'lucide-react/icons/menu';
export { default as CloseIcon } from 'lucide-react/icons/x';
export { default as SearchIcon } from 'lucide-react/icons/search';
export { default as LogOutIcon } from 'lucide-react/icons/log-out';
export { default as UserIcon } from 'lucide-react/icons/user';
export { default as GlobeIcon } from 'lucide-react/icons/globe';
export { default as CheckIcon } from 'lucide-react/icons/check';
export { default as VerifiedIcon } from 'lucide-react/icons/badge-check';
export { default as PinIcon } from 'lucide-react/icons/pin';
export { default as LockIcon } from 'lucide-react/icons/lock';
export { default as WarningIcon } from 'lucide-react/icons/triangle-alert';
export { default as ErrorIcon } from 'lucide-react/icons/circle-alert';
export { default as SuccessIcon } from 'lucide-react/icons/circle-check';
export { default as InfoIcon } from 'lucide-react/icons/info';
export { default as BoldIcon } from 'lucide-react/icons/bold';
export { default as ItalicIcon } from 'lucide-react/icons/italic';
export { default as HeadingIcon } from 'lucide-react/icons/heading-2';
export { default as BulletListIcon } from 'lucide-react/icons/list';
export { default as NumberedListIcon } from 'lucide-react/icons/list-ordered';
export { default as QuoteIcon } from 'lucide-react/icons/quote';
export { default as LinkIcon } from 'lucide-react/icons/link';
export { default as ImageIcon } from 'lucide-react/icons/image';
export { default as UndoIcon } from 'lucide-react/icons/undo-2';
export { default as RedoIcon } from 'lucide-react/icons/redo-2';
export { default as TableIcon } from 'lucide-react/icons/table';
export { default as AddRowIcon } from 'lucide-react/icons/between-horizontal-end';
export { default as AddColumnIcon } from 'lucide-react/icons/between-vertical-end';
export { default as DeleteIcon } from 'lucide-react/icons/trash-2';
export { default as VeryUnhappyIcon } from 'lucide-react/icons/frown';
export { default as UnhappyIcon } from 'lucide-react/icons/annoyed';
export { default as NeutralIcon } from 'lucide-react/icons/meh';
export { default as HappyIcon } from 'lucide-react/icons/smile';
export { default as VeryHappyIcon } from 'lucide-react/icons/laugh';
export { default as MessageIcon } from 'lucide-react/icons/message-square';
export { default as AtSignIcon } from 'lucide-react/icons/at-sign';
export { default as BookIcon } from 'lucide-react/icons/book-open';
export { default as CalendarIcon } from 'lucide-react/icons/calendar';
export { default as BriefingIcon } from 'lucide-react/icons/newspaper';
export { default as FeedbackIcon } from 'lucide-react/icons/message-square-warning';
export { default as ShiftIcon } from 'lucide-react/icons/hand-helping';
