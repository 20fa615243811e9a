/* sihua-assessment-page-private.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-answer-sheet.h"
#include "sihua-assessment-page.h"
#include "sihua-question-card.h"

G_BEGIN_DECLS

struct _SihuaAssessmentPage
{
  AdwBin                parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwFlap              *flap;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListBox           *dimension_list;
  GtkListBox           *search_list;
  GtkLabel             *search_placeholder;
  GtkLabel             *overall_label;
  GtkLabel             *dimension_title;
  GtkLabel             *dimension_description;
  GtkBox               *save_box;
  GtkImage             *save_icon;
  GtkLabel             *save_label;
  GtkScrolledWindow    *scroller;
  GtkStack             *question_stack;
  GtkButton            *previous_button;
  AdwButtonContent     *previous_content;
  GtkButton            *next_button;
  GtkLabel             *next_label;
  GtkButton            *finalize_button;
  GtkBox               *finalized_bar;
  GtkLabel             *finalized_label;

  SihuaStore           *store;
  gint64                assessment_id;
  SihuaModel           *model;

  /* What the window's header shows: the company, and the assessment's
   * date; and where the answers stand on their way to the disk. */
  char                 *title;
  char                 *subtitle;
  SihuaSaveState        save_state;
  SihuaLanguage         language;

  /* Writes the answers given, in order, and knows what the store holds. */
  SihuaAnswerSheet     *sheet;
  /* What the page shows (question id → SihuaAnswer): the sheet's table. */
  GHashTable           *answers;

  /* What each interviewee said (SihuaIntervieweeAnswer), and the
   * questions they disagree on, for the cards' "who said what" line. */
  GPtrArray            *said;
  GPtrArray            *to_discuss;

  /* question id → SihuaQuestionCard (not owned); only built dimensions */
  GHashTable           *cards;
  /* question ids whose card holds a value typed but refused: while there is
   * one, the page never says the answers are saved. */
  GHashTable           *rejected;
  /* dimension id → SihuaDimensionRow (not owned) */
  GHashTable           *rows;
  const SihuaDimension *current;
  char                 *wanted_dimension;
  char                 *wanted_question;
  char                 *focus_question;
  guint                 focus_idle_id;
  /* Cards past the first few of a dimension are built after its first
   * frame, a few at a time. */
  guint                 build_idle_id;
  guint                 selecting;
  /* The card the keyboard answers, marked as such (not owned). */
  SihuaQuestionCard    *current_card;
  guint                 scroll_tick_id;
  int                   scroll_ticks;
  guint                 load_serial;

  /* Set while the page gives the sheet an answer its card shows already. */
  gboolean              giving;
  gboolean              disposed;

  /* The frame clock whose next paint ends a dimension switch. */
  GdkFrameClock        *paint_clock;
  gulong                after_paint_id;
  gint64                switch_started;
  gint64                switch_started_cpu;
  double                last_switch_ms;
};

void        _sihua_assessment_page_update_titles           (SihuaAssessmentPage  *self);
void        _sihua_assessment_page_refresh                 (SihuaAssessmentPage  *self);
void        _sihua_assessment_page_show_dimension          (SihuaAssessmentPage  *self,
                                                            const SihuaDimension *dimension,
                                                            gboolean              focus);
void        _sihua_assessment_page_step_dimension          (SihuaAssessmentPage  *self,
                                                            int                   direction);
void        _sihua_assessment_page_build_cards             (SihuaAssessmentPage  *self,
                                                            const SihuaDimension *dimension,
                                                            guint                 count);
void        _sihua_assessment_page_focus_next              (SihuaAssessmentPage  *self,
                                                            const SihuaQuestion  *from,
                                                            int                   direction);

/* sihua-assessment-page-save.c */
void        _sihua_assessment_page_set_sheet               (SihuaAssessmentPage  *self,
                                                            SihuaAnswerSheet     *sheet);
void        _sihua_assessment_page_sheet_loaded            (SihuaAssessmentPage  *self);
void        _sihua_assessment_page_save                    (SihuaAssessmentPage  *self,
                                                            const char           *question_id,
                                                            const SihuaAnswerValue *value,
                                                            const char           *note,
                                                            const char           *evidence);
void        _sihua_assessment_page_flush_details           (SihuaAssessmentPage  *self);
void        _sihua_assessment_page_update_indicator        (SihuaAssessmentPage  *self);
void        _sihua_assessment_page_set_indicator           (SihuaAssessmentPage  *self,
                                                            SihuaSaveState        state);
/* sihua-assessment-page.c: the "save-state" property */
void        _sihua_assessment_page_set_save_state          (SihuaAssessmentPage  *self,
                                                            SihuaSaveState        state);
void        _sihua_assessment_page_undo                    (SihuaAssessmentPage  *self);
void        _sihua_assessment_page_redo                    (SihuaAssessmentPage  *self);
void        _sihua_assessment_page_toast                   (SihuaAssessmentPage  *self,
                                                            const char           *message);

/* sihua-assessment-page-finalize.c */
void        _sihua_assessment_page_update_finalized        (SihuaAssessmentPage  *self,
                                                            const SihuaAssessment *assessment);
void        _sihua_assessment_page_finalize_action         (GtkWidget            *widget,
                                                            const char           *action_name,
                                                            GVariant             *parameter);
void        _sihua_assessment_page_reopen_action           (GtkWidget            *widget,
                                                            const char           *action_name,
                                                            GVariant             *parameter);

/* sihua-assessment-page-details.c */
GtkWidget  *_sihua_assessment_page_details_dialog          (SihuaAssessmentPage  *self);
void        _sihua_assessment_page_details_action          (GtkWidget            *widget,
                                                            const char           *action_name,
                                                            GVariant             *parameter);

/* sihua-assessment-page-search.c */
void        _sihua_assessment_page_search_init             (SihuaAssessmentPage  *self);
void        _sihua_assessment_page_search_changed_cb       (SihuaAssessmentPage  *self);
void        _sihua_assessment_page_search_activate_cb      (SihuaAssessmentPage  *self);
void        _sihua_assessment_page_search_stop_cb          (SihuaAssessmentPage  *self);
void        _sihua_assessment_page_search_row_activated_cb (SihuaAssessmentPage  *self,
                                                            GtkListBoxRow        *row);

void        _sihua_answer_pages_load_css                   (void);
double      sihua_assessment_page_get_last_switch_time     (SihuaAssessmentPage  *self);

G_END_DECLS
