import type { ComponentType } from 'react';
import {
  AddColumnIcon,
  AddRowIcon,
  BoldIcon,
  BulletListIcon,
  DeleteIcon,
  HeadingIcon,
  ImageIcon,
  InfoIcon,
  ItalicIcon,
  LinkIcon,
  NumberedListIcon,
  QuoteIcon,
  RedoIcon,
  TableIcon,
  UndoIcon,
} from '~/components/ui/icons';

/** forum: posts (mentions); library: materials (tables and callouts, no mentions). */
export type EditorFeatures = 'forum' | 'library';

export type ToolbarKey =
  | 'bold'
  | 'italic'
  | 'heading'
  | 'bulletList'
  | 'orderedList'
  | 'quote'
  | 'link'
  | 'image'
  | 'table'
  | 'addRow'
  | 'addColumn'
  | 'deleteTable'
  | 'callout'
  | 'undo'
  | 'redo';

/**
 * The editor's toolbar buttons in order. Shared by the toolbar (editor.client.tsx) and by the
 * stand-in drawn while the editor's code loads (rich-text-field.tsx), so that both take the same
 * room and nothing below the field moves when the editor arrives.
 */
export function toolbarButtons(
  features: EditorFeatures,
  inTable = false,
): { key: ToolbarKey; icon: ComponentType }[] {
  const table: { key: ToolbarKey; icon: ComponentType }[] = inTable
    ? [
        { key: 'addRow', icon: AddRowIcon },
        { key: 'addColumn', icon: AddColumnIcon },
        { key: 'deleteTable', icon: DeleteIcon },
      ]
    : [{ key: 'table', icon: TableIcon }];
  return [
    { key: 'bold', icon: BoldIcon },
    { key: 'italic', icon: ItalicIcon },
    { key: 'heading', icon: HeadingIcon },
    { key: 'bulletList', icon: BulletListIcon },
    { key: 'orderedList', icon: NumberedListIcon },
    { key: 'quote', icon: QuoteIcon },
    { key: 'link', icon: LinkIcon },
    { key: 'image', icon: ImageIcon },
    ...(features === 'library' ? [...table, { key: 'callout' as const, icon: InfoIcon }] : []),
    { key: 'undo', icon: UndoIcon },
    { key: 'redo', icon: RedoIcon },
  ];
}
