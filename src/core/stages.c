/* stages.c — the registry of stages this build knows. */
#include <string.h>

#include "vanthu.h"

static const vt_stage_class *const classes[] = {
    &vt_stage_ingest, &vt_stage_preprocess, &vt_stage_ocr, &vt_stage_restore,
    &vt_stage_parse,  &vt_stage_emit,       NULL,
};

const vt_stage_class *const *vt_stage_classes(void)
{
    return classes;
}

const vt_stage_class *vt_stage_find(const char *name)
{
    for (size_t i = 0; classes[i]; i++)
        if (strcmp(classes[i]->name, name) == 0)
            return classes[i];
    return NULL;
}
