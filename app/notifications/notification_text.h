#pragma once

#include "shared/dto/notification.h"

#include <QString>

namespace corkboard::ui {

//! A notification in words: "You were mentioned on “Venue”" (the kind and its data's
//! card_title); the panel, its accessible text and the tray all say the same.
QString notificationText(const Notification &notification);
//! Who and when: "Bo Berg · 02/12/2026 09:14" (reminders: "Reminder · …").
QString notificationHeader(const Notification &notification);

} // namespace corkboard::ui
