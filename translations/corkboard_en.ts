<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BoardCommands</name>
    <message>
        <source>Move card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card was not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card was not brought back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set WIP limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete column “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column was not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit checklist item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comment was deleted; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checklist item was deleted; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not changed: someone else changed the text meanwhile, and their changes stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit card “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card is no longer on this board; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not changed: someone else changed the card meanwhile, and their changes stay.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message numerus="yes">
        <source>Too many requests. Please try again in %n second(s).</source>
        <translation>
            <numerusform>Too many requests. Please try again in %n second.</numerusform>
            <numerusform>Too many requests. Please try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>The request could not be understood. Please update Corkboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail address or password is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to do that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item no longer exists or you no longer have access to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not support this action. Please update Corkboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request took too long to send. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conflicts with an existing item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request could not be sent in this form. Please update Corkboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this in the meantime. Review the latest version and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is too large to upload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kind of content is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some fields need attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests. Please wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was too large for the server. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file arrived damaged. Please send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server ran into a problem. Please try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is temporarily unavailable. Please try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server. Check your network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to the server could not be established. Its certificate may be invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an answer Corkboard does not understand. Please update Corkboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain could not be used to keep you signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server&apos;s certificate is not known yet. Compare its fingerprint with the one the server shows before you trust it:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed since you last connected. This can mean someone is intercepting the connection, or that the server got a new certificate. Ask its administrator before accepting the new fingerprint:
new: %1
before: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not the one it announced on the network. The connection was refused.
presented: %1
announced: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate has expired (or is not valid yet). Check this computer&apos;s date, or ask the server&apos;s administrator to renew it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is for a different name than the address you entered. Use the name the certificate was issued for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not set up a secure connection in time. Check that the address and port are right and that it serves HTTPS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused this request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is too short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This value is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This value is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is already in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field is not accepted. Please update Corkboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This no longer exists. Reload and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This value has the wrong type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contains characters that are not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The limit has been reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is not a member of the board.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>“%1” is due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You were assigned to “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You were mentioned on “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New comment on “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>
… and %n more problem(s).</source>
        <translation>
            <numerusform>
… and %n more problem.</numerusform>
            <numerusform>
… and %n more problems.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board documents (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a board first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board was saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than 16 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trello</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Corkboard export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported “%1” from %2: %3 columns, %4 cards (%5 archived), %6 labels, %7 checklist items, %8 comments, %9 members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account here for: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoveAttachmentCommand</name>
    <message>
        <source>Delete “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be deleted: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::client::AttachmentDownload</name>
    <message>
        <source>“%1” cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::client::AttachmentUpload</name>
    <message>
        <source>The file “%1” cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::AccountDialog</name>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least 10 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;w password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed-in devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Others now see you as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password changed. Your other devices are signed out and need the new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load your devices: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (this device)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To sign out here, use File ▸ Sign out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signed-in devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not sign out %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is signed out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::ActivityPanel</name>
    <message>
        <source>Activity of this card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show earlier activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card&apos;s activity could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 created this card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 moved this card from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 moved this card within %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 moved this card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed this card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deleted this card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 commented: “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 edited a comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deleted a comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added “%2” to the checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed the checklist item “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ticked “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unticked “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 moved “%2” in the checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 removed “%2” from the checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed the checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 attached “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 removed the attachment “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has happened to this card yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::AdminDialog</name>
    <message>
        <source>Administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role for the invite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New invite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite code %1 copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first characters are kept on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke invite %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke invite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the invite %1? Nobody can register with it any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To revoke the invite %1…, paste its whole code (it was copied when the invite was made):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not the code of the invite %1….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not revoke the invite: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite %1 revoked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::ApiBackend</name>
    <message>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::AttachmentsPanel</name>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop files here, or paste an image with Ctrl+V.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attach files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save attachment as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not attached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · added by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pasted image could not be saved for uploading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted image %1.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no image or file to attach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel uploading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the network… %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application opens “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not deleted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::BackupsPanel</name>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 written and verified.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::BoardCommands</name>
    <message numerus="yes">
        <source>Delete the column “%1”? Its %n card(s) move to “%2”; Undo (Ctrl+Z) puts them back.</source>
        <translation>
            <numerusform>Delete the column “%1”? Its %n card move to “%2”; Undo (Ctrl+Z) puts them back.</numerusform>
            <numerusform>Delete the column “%1”? Its %n cards move to “%2”; Undo (Ctrl+Z) puts them back.</numerusform>
        </translation>
    </message>
    <message>
        <source>A deleted card stays in the archive: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” deleted. Undo (Ctrl+Z) brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last column cannot be deleted while it has cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the empty column “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::BoardListModel</name>
    <message>
        <source>%1 (archived)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::BoardView</name>
    <message>
        <source>← Boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also on this board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Members…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the board…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Add a column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::BoardsList</name>
    <message>
        <source>&lt;h2&gt;Your boards&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading boards…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New board name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the board with all its cards (owners; asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un&amp;archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the board “%1” with all its columns, cards, comments and files, for everyone on it? This cannot be undone; archiving can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board was not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board “%1” was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No boards yet. Type a name below and press Enter to make your first board.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::CardDetailDialog</name>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignees:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This board has no labels yet. Board ▸ Labels… in the window makes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;ue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the board server cannot be reached. Your changes are kept here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card has changes that are not saved yet. Save them before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignees changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card changed meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this card while you were editing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::CardModel</name>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>%n attachment</numerusform>
            <numerusform>%n attachments</numerusform>
        </translation>
    </message>
    <message>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 checklist items done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::CertificateCheck</name>
    <message>
        <source>Not connected: the server&apos;s certificate changed and was not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: the server&apos;s certificate was not trusted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::CertificateDialog</name>
    <message>
        <source>Trust this server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the first connection to %1. Its certificate is not signed by an authority this computer knows, so check it yourself: the server shows this fingerprint when it starts (and in &quot;Share on LAN&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It matches the fingerprint the server announced on the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It does NOT match the fingerprint the server announced on the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust and connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now presents a different certificate than the one you trusted. Someone may be intercepting the connection — or the server got a new certificate. Ask its administrator which fingerprint it shows now before you accept it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted before:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presented now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I &amp;checked the new fingerprint with the server&apos;s administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept the new certificate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::ChecklistPanel</name>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Add an item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New checklist item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added yet: Save tries again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item not changed: the board server cannot be reached. Your text is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item not moved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move d&amp;own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item not added: the board server cannot be reached. Your text is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item not added: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::ColumnModel</name>
    <message>
        <source>%1, %2 cards, over the limit of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 cards</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::ColumnWidget</name>
    <message>
        <source>Drag to move the column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Add a card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter adds the card at the bottom, Shift+Enter at the top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added: the board server cannot be reached. Your text is kept; press Enter to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over the work-in-progress limit of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a card to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy card &amp;ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a card at the &amp;top…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a card at the top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;WIP limit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work-in-progress limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many cards (0: no limit):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::CommentsPanel</name>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a comment — type @ to mention someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment not sent: the board server cannot be reached. Your text is kept; press Enter to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 (edited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the board server cannot be reached. Your text is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this comment? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::DesktopSession</name>
    <message numerus="yes">
        <source>The board server %1 cannot be reached: %2
Trying again in %n second(s) — or press Retry.</source>
        <translation>
            <numerusform>The board server %1 cannot be reached: %2
Trying again in %n second — or press Retry.</numerusform>
            <numerusform>The board server %1 cannot be reached: %2
Trying again in %n seconds — or press Retry.</numerusform>
        </translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used from the next start of Corkboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing on the local network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the next start, others on your network can connect to this computer on port %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the next start, the boards are no longer shared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Corkboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the board server on this computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board server could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the server&apos;s certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the first account to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please sign in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::FilterBar</name>
    <message>
        <source>Filter cards…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show cards containing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show cards with the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show cards assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show cards due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due in the next 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of %2 cards</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::FirstRunDialog</name>
    <message>
        <source>Welcome to Corkboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Corkboard&lt;/h2&gt;&lt;p&gt;Where should your boards live?&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start a board on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs a board server inside this program; others on your network can join later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your boards are kept on this computer. You can share them on your network later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to a team server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address of the server, for example 192.168.1.20:8080</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect without encryption?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a plain http:// address on the network. Your password and everything on your boards would cross the network unencrypted, readable by anyone on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use https:// unless this server was started with --insecure-http on purpose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect &amp;without encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers on this network:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers on this network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for servers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick one, or type an address below.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::LabelsDialog</name>
    <message numerus="yes">
        <source>Delete the label “%1”? It is taken off %n card(s).</source>
        <translation>
            <numerusform>Delete the label “%1”? It is taken off %n card.</numerusform>
            <numerusform>Delete the label “%1”? It is taken off %n cards.</numerusform>
        </translation>
    </message>
    <message>
        <source>Red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New label…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;olour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour of the selected label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This board has no labels yet. “New label…” makes one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label was not created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label was not renamed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colour was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the label “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label was not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::MainWindow</name>
    <message>
        <source>Corkboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try to reach the server again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to another &amp;server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All boards (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import board…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport board…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a &amp;card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link copied: paste it into File ▸ Open link, or click it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are no longer an owner of this board: its webhooks closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Corkboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” deleted. Undo: Ctrl+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◌ Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board server cannot be reached. Changes will show again once it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ccount…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;work…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Members…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archived cards…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Webhooks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board owners can add webhooks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a Corkboard link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first, then open the link again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That link is for the boards on the computer it was copied on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That link is for the board server at %1; this window is connected to another one (File ▸ Connect to another server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Corkboard link (“Copy link” on a card makes one):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No archived cards on this board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the card to the next / previous column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the card up / down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive the selected card (undo brings it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected card (undo brings it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a checklist item or post a comment (in the card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the card (asks when something is not saved)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::MembersDialog</name>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members and sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail or name of a person to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody found with that name or e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::MyWorkDialog</name>
    <message>
        <source>My work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking through your boards…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards assigned to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cards are assigned to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to you: %1. Enter or a double-click opens a card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boards that could not be read: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::NotificationBell</name>
    <message numerus="yes">
        <source>Notifications, %n unread</source>
        <translation>
            <numerusform>Notifications, %n unread</numerusform>
            <numerusform>Notifications, %n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>corkboard::ui::NotificationModel</name>
    <message>
        <source>Unread: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::NotificationsPanel</name>
    <message>
        <source>&lt;b&gt;Notifications&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark all &amp;read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::OpenBoard</name>
    <message>
        <source>The card could not be moved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column could not be moved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This board was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::SearchBox</name>
    <message>
        <source>Search cards (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::SearchResultModel</name>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing on the local network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Share this computer&apos;s boards on the LAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown here while the boards are shared (sharing uses HTTPS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a board server on this computer can be shared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray when the window is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::SignInDialog</name>
    <message>
        <source>Create your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least 10 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Invite code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account and start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account will be the administrator of the boards on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::TextEditDialog</name>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes to this text are not saved yet. Save them before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::TrayNotifier</name>
    <message>
        <source>Corkboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Corkboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You were mentioned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card due soon</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::UploadStatus</name>
    <message numerus="yes">
        <source>Uploading %n file(s)…</source>
        <translation>
            <numerusform>Uploading %n file…</numerusform>
            <numerusform>Uploading %n files…</numerusform>
        </translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel uploads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not attached: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>corkboard::ui::WebhooksDialog</name>
    <message numerus="yes">
        <source>%n recent delivery(s).</source>
        <translation>
            <numerusform>%n recent delivery.</numerusform>
            <numerusform>%n recent deliveries.</numerusform>
        </translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent &amp;deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Events (none ticked: all):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret of the new webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret (shown only now):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the webhooks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is sent: the person who added it is no longer an owner of this board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No webhooks yet. Add one below to have the server call a URL when this board changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook added. Copy its secret now: it is not shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the webhook to %1? The server stops calling it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the webhook: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the deliveries: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been sent to this webhook yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
