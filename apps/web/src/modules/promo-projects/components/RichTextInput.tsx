import {
  BoldOutlined,
  ClearOutlined,
  ItalicOutlined,
  OrderedListOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { safeRichText } from '@lianqiao/card';
import { Button, Flex, Tooltip, Typography } from 'antd';
import { useLayoutEffect, useRef, type ClipboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './RichTextInput.module.css';

/** Editors write <div> per line and <b>/<i>; the card keeps paragraphs and the few tags it allows. */
export function normaliseRichText(html: string): string {
  const paragraphs = html.replace(/<div>/gi, '<p>').replace(/<\/div>/gi, '</p>');
  const safe = safeRichText(paragraphs)
    .replace(/<p><br><\/p>/g, '')
    .replace(/<br>(<\/(?:p|li)>)/g, '$1');
  return safe.replace(/<[^>]*>|&nbsp;|\s/g, '') === '' ? '' : safe;
}

type Command = 'bold' | 'italic' | 'insertOrderedList' | 'insertUnorderedList' | 'removeFormat';

/**
 * Rich but safe text for a card's advantages and policies: bold, italic and lists, nothing else.
 * What is shown and what is sent pass through the card page's own whitelist (the server cleans it
 * again on save); a paste arrives as plain text, so no foreign markup or script comes along.
 */
export function RichTextInput({
  id,
  value,
  onChange,
  placeholder,
  maxLength,
  'aria-label': ariaLabel,
}: {
  id?: string;
  value?: string;
  onChange?: (html: string) => void;
  placeholder?: string;
  maxLength: number;
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  const editor = useRef<HTMLDivElement>(null);
  const emitted = useRef<string | null>(null);

  // Only a value from outside (loading, a reset) rewrites the editor; its own edits would lose the caret.
  useLayoutEffect(() => {
    if (!editor.current || value === emitted.current) return;
    editor.current.innerHTML = safeRichText(value ?? '');
    emitted.current = value ?? '';
  }, [value]);

  const emit = () => {
    if (!editor.current) return;
    const html = normaliseRichText(editor.current.innerHTML);
    emitted.current = html;
    onChange?.(html);
  };

  const run = (command: Command) => {
    editor.current?.focus();
    document.execCommand(command);
    emit();
  };

  const paste = (event: ClipboardEvent<HTMLDivElement>) => {
    event.preventDefault();
    document.execCommand('insertText', false, event.clipboardData.getData('text/plain'));
    emit();
  };

  const tools: { command: Command; icon: ReactNode; label: string }[] = [
    { command: 'bold', icon: <BoldOutlined />, label: t('promo.richText.bold') },
    { command: 'italic', icon: <ItalicOutlined />, label: t('promo.richText.italic') },
    { command: 'insertUnorderedList', icon: <UnorderedListOutlined />, label: t('promo.richText.bulletList') },
    { command: 'insertOrderedList', icon: <OrderedListOutlined />, label: t('promo.richText.numberedList') },
    { command: 'removeFormat', icon: <ClearOutlined />, label: t('promo.richText.clear') },
  ];
  const length = (value ?? '').length;

  return (
    <div className={styles.box}>
      <Flex className={styles.toolbar} gap={2} align="center">
        {tools.map((tool) => (
          <Tooltip key={tool.command} title={tool.label}>
            <Button
              type="text"
              size="small"
              icon={tool.icon}
              aria-label={tool.label}
              // Keep the selection in the editor: a click on the button must not take the focus.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => run(tool.command)}
            />
          </Tooltip>
        ))}
        <Typography.Text type={length > maxLength ? 'danger' : 'secondary'} className={styles.count}>
          {length} / {maxLength}
        </Typography.Text>
      </Flex>
      <div
        id={id}
        ref={editor}
        className={styles.editor}
        role="textbox"
        aria-multiline="true"
        aria-label={ariaLabel}
        contentEditable
        suppressContentEditableWarning
        data-placeholder={placeholder}
        onFocus={() => document.execCommand('defaultParagraphSeparator', false, 'p')}
        onInput={emit}
        onBlur={emit}
        onPaste={paste}
      />
    </div>
  );
}
