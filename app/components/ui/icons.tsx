import sprite from './icons.svg';
import type { IconName } from './icon-names';

// The one icon set (Lucide, ISC licence): SVG drawn in the text colour, so it shows on every
// device (an emoji needs a font the phone may lack) and follows high-contrast modes. Each icon
// is a reference into one sprite file (icons.svg, made by scripts/icon-sprite.ts), cached by the
// browser for good: drawn inline, the home page's 40 icons were 15.7 KB of its 49 KB of HTML
// and about 1 ms of its server CPU (ADR 015). The sprite's symbols carry the viewBox and the
// stroke, so an icon in a page is little more than its size and a reference. An icon is
// decorative (aria-hidden): put visible text or an accessible name on whatever holds it.
export type IconProps = { size?: number; className?: string };
export type Icon = (props: IconProps) => JSX.Element;

function icon(name: IconName): Icon {
  const classes = `lucide lucide-${name}`;
  const href = `${sprite}#${name}`;
  function DrawnIcon({ size = 24, className }: IconProps) {
    return (
      <svg
        width={size}
        height={size}
        className={className ? `${classes} ${className}` : classes}
        aria-hidden="true"
      >
        <use href={href} />
      </svg>
    );
  }
  return DrawnIcon;
}

export const BellIcon = icon('bell');
export const MenuIcon = icon('menu');
export const CloseIcon = icon('x');
export const SearchIcon = icon('search');
export const LogOutIcon = icon('log-out');
export const UserIcon = icon('user');
export const GlobeIcon = icon('globe');
export const CheckIcon = icon('check');
export const VerifiedIcon = icon('badge-check');
export const PinIcon = icon('pin');
export const LockIcon = icon('lock');
export const WarningIcon = icon('triangle-alert');
export const ErrorIcon = icon('circle-alert');
export const SuccessIcon = icon('circle-check');
export const InfoIcon = icon('info');
export const BoldIcon = icon('bold');
export const ItalicIcon = icon('italic');
export const HeadingIcon = icon('heading-2');
export const BulletListIcon = icon('list');
export const NumberedListIcon = icon('list-ordered');
export const QuoteIcon = icon('quote');
export const LinkIcon = icon('link');
export const ImageIcon = icon('image');
export const UndoIcon = icon('undo-2');
export const RedoIcon = icon('redo-2');
export const TableIcon = icon('table');
export const AddRowIcon = icon('between-horizontal-end');
export const AddColumnIcon = icon('between-vertical-end');
export const DeleteIcon = icon('trash-2');
export const VeryUnhappyIcon = icon('frown');
export const UnhappyIcon = icon('annoyed');
export const NeutralIcon = icon('meh');
export const HappyIcon = icon('smile');
export const VeryHappyIcon = icon('laugh');
export const MessageIcon = icon('message-square');
export const AtSignIcon = icon('at-sign');
export const BookIcon = icon('book-open');
export const CalendarIcon = icon('calendar');
export const BriefingIcon = icon('newspaper');
export const FeedbackIcon = icon('message-square-warning');
export const ShiftIcon = icon('hand-helping');
