/* walk.c — the document model page -> block -> line -> word, as events a
 * renderer (or anything else reading the model in order) handles one by one,
 * with each word's last change at hand. */
#include <stdlib.h>

#include "internal.h"

static int by_place(const void *pa, const void *pb)
{
    const vt_change *a = *(const vt_change *const *)pa, *b = *(const vt_change *const *)pb;
    size_t ka[] = {a->page, a->block, a->line, a->word};
    size_t kb[] = {b->page, b->block, b->line, b->word};
    for (size_t i = 0; i < 4; i++)
        if (ka[i] != kb[i])
            return ka[i] < kb[i] ? -1 : 1;
    /* Changes to one word stay in the order made, so the last one wins. */
    return a < b ? -1 : a > b;
}

void vt_walk_begin(vt_walk *w, const vt_doc *doc)
{
    *w = (vt_walk){.doc_ = doc, .n_changes_ = doc->n_changes};
    if (doc->n_changes) {
        w->changes_ = vt_xcalloc(doc->n_changes, sizeof *w->changes_);
        for (size_t i = 0; i < doc->n_changes; i++)
            w->changes_[i] = &doc->changes[i];
        qsort(w->changes_, doc->n_changes, sizeof *w->changes_, by_place);
    }
}

void vt_walk_end(vt_walk *w)
{
    free(w->changes_);
    w->changes_ = NULL;
}

/* The last change to the word reached; changes are passed in place order
 * as the walk goes. */
static const vt_change *word_change(vt_walk *w)
{
    size_t at[] = {w->page_index, w->block_index, w->line_index, w->word_index};
    const vt_change *last = NULL;
    while (w->next_change_ < w->n_changes_) {
        const vt_change *c = w->changes_[w->next_change_];
        size_t ck[] = {c->page, c->block, c->line, c->word};
        int order = 0;
        for (size_t i = 0; i < 4 && !order; i++)
            order = ck[i] < at[i] ? -1 : ck[i] > at[i];
        if (order > 0)
            break;
        if (order == 0)
            last = c;
        w->next_change_++;
    }
    return last;
}

static bool enter_page(vt_walk *w)
{
    if (w->page_index >= w->doc_->n_pages)
        return false;
    w->page = &w->doc_->pages[w->page_index];
    w->step = VT_WALK_PAGE;
    return true;
}

static bool enter_line(vt_walk *w)
{
    w->line = &w->block->lines[w->line_index];
    w->line_number++;
    w->word_index = 0;
    w->step = VT_WALK_LINE;
    return true;
}

static bool enter_block(vt_walk *w)
{
    w->block = &w->page->blocks[w->block_index];
    w->line_index = 0;
    w->step = VT_WALK_BLOCK;
    return true;
}

/* After leaving an item, enter its next sibling or leave its parent. */
static bool after_line(vt_walk *w)
{
    if (++w->line_index < w->block->n_lines)
        return enter_line(w);
    w->step = VT_WALK_BLOCK_END;
    return true;
}

static bool after_block(vt_walk *w)
{
    if (++w->block_index < w->page->n_blocks)
        return enter_block(w);
    w->step = VT_WALK_PAGE_END;
    return true;
}

bool vt_walk_next(vt_walk *w)
{
    w->word = NULL;
    w->change = NULL;
    if (!w->started_) {
        w->started_ = true;
        return enter_page(w);
    }
    switch (w->step) {
    case VT_WALK_PAGE:
        w->block_index = 0;
        if (w->page->n_blocks)
            return enter_block(w);
        w->step = VT_WALK_PAGE_END;
        return true;
    case VT_WALK_BLOCK:
        if (w->block->n_lines)
            return enter_line(w);
        w->step = VT_WALK_BLOCK_END;
        return true;
    case VT_WALK_LINE:
    case VT_WALK_WORD:
        if (w->step == VT_WALK_WORD)
            w->word_index++;
        if (w->word_index < w->line->n_words) {
            w->word = &w->line->words[w->word_index];
            w->change = word_change(w);
            w->step = VT_WALK_WORD;
            return true;
        }
        w->step = VT_WALK_LINE_END;
        return true;
    case VT_WALK_LINE_END:
        return after_line(w);
    case VT_WALK_BLOCK_END:
        return after_block(w);
    case VT_WALK_PAGE_END:
        w->page_index++;
        return enter_page(w);
    }
    return false;
}
