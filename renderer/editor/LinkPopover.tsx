import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Editor } from '@tiptap/core';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../stores/useEditorStore';
import { useLibraryStore } from '../stores/useLibraryStore';
import { applyLink, articleHref, articleIdOf, removeLink } from './articleLink';
import { isSafeUrl } from './editorExtensions';
import { isLinkShortcut } from './extensions/linkShortcut';
import { useArticleLinkSearch, type ArticleLinkHit } from './useArticleLinkSearch';

/**
 * Edit the link at the cursor: an address, or an article found by typing part of its title
 * (linked as `<id>.md`, as the workspace links articles). Escape or a click elsewhere closes it.
 */
export function LinkPopover({
  editor,
  anchor,
  onClose,
}: {
  editor: Editor;
  /** The toolbar button and this popover: a click inside it does not close the popover. */
  anchor: RefObject<HTMLElement | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [current] = useState(() => editor.getAttributes('link').href as string | undefined);
  const [url, setUrl] = useState(current ?? '');
  const [invalid, setInvalid] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const openId = useEditorStore((s) => s.article?.id);
  const { hits, searched } = useArticleLinkSearch(query, openId);
  const linkedId = articleIdOf(url.trim());
  const linkedTitle = useLibraryStore((s) => s.articles.find((a) => a.id === linkedId)?.title);
  const urlInput = useRef<HTMLInputElement>(null);
  const listId = useId();
  const chosen = Math.min(active, hits.length - 1);

  useEffect(() => {
    urlInput.current?.select();
    const onDown = (e: MouseEvent) => {
      if (!anchor.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [anchor, onClose]);

  const close = () => {
    onClose();
    editor.commands.focus();
  };
  const link = (href: string, text: string) => {
    applyLink(editor, href, text);
    onClose();
  };
  const unlink = () => {
    removeLink(editor);
    onClose();
  };
  const submitUrl = () => {
    const href = url.trim();
    if (!href) return current ? unlink() : close();
    if (!isSafeUrl(href)) return setInvalid(true);
    link(href, href);
  };
  const pick = (hit: ArticleLinkHit) => link(articleHref(hit.id), hit.title);

  const onPickerKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (hits.length) setActive((Math.max(chosen, 0) + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (hits[chosen]) pick(hits[chosen]);
    }
  };

  return (
    <div
      className="link-popover"
      role="dialog"
      aria-label={t('editor.linkDialog')}
      data-testid="link-popover"
      onKeyDown={(e) => {
        // Mod-K here too stays with the link editor instead of opening quick open.
        if (e.key !== 'Escape' && !isLinkShortcut(e)) return;
        e.preventDefault();
        e.stopPropagation();
        if (e.key === 'Escape') close();
      }}
    >
      <label className="field">
        <span>{t('editor.linkUrl')}</span>
        <input
          ref={urlInput}
          value={url}
          placeholder={t('editor.linkUrlHint')}
          aria-invalid={invalid || undefined}
          onChange={(e) => {
            setUrl(e.target.value);
            setInvalid(false);
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
            e.preventDefault();
            submitUrl();
          }}
        />
      </label>
      {invalid && (
        <p className="link-note error" role="alert">
          {t('editor.linkUnsafe')}
        </p>
      )}
      {!invalid && linkedTitle && <p className="link-note">{t('editor.linkToArticle', { title: linkedTitle })}</p>}
      <label className="field">
        <span>{t('editor.linkArticle')}</span>
        <input
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={hits.length ? `${listId}-${chosen}` : undefined}
          value={query}
          placeholder={t('editor.linkArticleHint')}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onPickerKey}
        />
      </label>
      {hits.length > 0 && (
        <ul className="link-results" role="listbox" id={listId} aria-label={t('editor.linkArticle')}>
          {hits.map((hit, i) => (
            <li
              key={hit.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === chosen}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(hit)}
            >
              <span className="link-result-title">{hit.title}</span>
              <small>{hit.snippet}</small>
            </li>
          ))}
        </ul>
      )}
      {searched && hits.length === 0 && <p className="link-note">{t('editor.linkNoArticles')}</p>}
      <div className="link-actions">
        {current && (
          <button type="button" className="danger" onClick={unlink}>
            {t('editor.linkRemove')}
          </button>
        )}
        <span className="spacer" />
        <button type="button" onClick={close}>
          {t('editor.linkCancel')}
        </button>
        <button type="button" className="primary" onClick={submitUrl}>
          {t('editor.linkApply')}
        </button>
      </div>
    </div>
  );
}
