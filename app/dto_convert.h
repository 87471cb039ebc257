#pragma once

#include "app/backend.h"
#include "shared/client/api_error.h"
#include "shared/dto/activity.h"
#include "shared/dto/auth.h"
#include "shared/dto/board.h"
#include "shared/dto/card.h"
#include "shared/dto/column.h"
#include "shared/dto/comment.h"
#include "shared/dto/label.h"
#include "shared/dto/notification.h"
#include "shared/dto/snapshot.h"
#include "shared/dto/user.h"

// DTOs of the typed client → what the window shows. The one place that knows both.
namespace corkboard::ui::convert {

UiError error(const client::ApiError &e);
Account account(const dto::User &user);
BoardSummary board(const ::corkboard::Board &b);
Column column(const ::corkboard::Column &c);
Card card(const ::corkboard::Card &c);
Label label(const ::corkboard::Label &l);
Person member(const ::corkboard::BoardMember &m);
Person person(const dto::UserSummary &u);
Person person(const dto::User &u);
ChecklistItem checklistItem(const ::corkboard::ChecklistItem &i);
Comment comment(const ::corkboard::Comment &c, const QHash<QString, QString> &names);
CardDetail cardDetail(const ::corkboard::CardDetail &d);
BoardSnapshot snapshot(const ::corkboard::BoardSnapshot &s);
ActivityEntry activity(const ::corkboard::ActivityEntry &a);
SearchHit searchHit(const ::corkboard::SearchHit &h, const QString &boardName);
Invite invite(const dto::Invite &i);
//! A live event: the resource in `data` decoded into the member its type names.
BoardEvent event(const ::corkboard::EventEnvelope &e);
//! A live or listed notification, with its sentence for the panel.
Notification notification(const dto::Notification &o);

} // namespace corkboard::ui::convert
