<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BoardCommands</name>
    <message>
        <source>Move card</source>
        <translation>Karte verschieben</translation>
    </message>
    <message>
        <source>Archive card</source>
        <translation>Karte archivieren</translation>
    </message>
    <message>
        <source>Restore card</source>
        <translation>Karte wiederherstellen</translation>
    </message>
    <message>
        <source>The card was not changed: %1</source>
        <translation>Die Karte wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>Rename column</source>
        <translation>Spalte umbenennen</translation>
    </message>
    <message>
        <source>Set WIP limit</source>
        <translation>WIP-Limit setzen</translation>
    </message>
    <message>
        <source>The column was not changed: %1</source>
        <translation>Die Spalte wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>Edit card “%1”</source>
        <translation>Karte „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>The card is no longer on this board; nothing was changed.</source>
        <translation>Die Karte ist nicht mehr auf diesem Board; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Not changed: someone else changed the card meanwhile, and their changes stay.</source>
        <translation>Nicht geändert: Jemand anderes hat die Karte inzwischen geändert, und diese Änderungen bleiben.</translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation>Kommentar bearbeiten</translation>
    </message>
    <message>
        <source>Edit checklist item</source>
        <translation>Checklistenpunkt bearbeiten</translation>
    </message>
    <message>
        <source>The text was not changed: %1</source>
        <translation>Der Text wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>The comment was deleted; nothing was changed.</source>
        <translation>Der Kommentar wurde gelöscht; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The checklist item was deleted; nothing was changed.</source>
        <translation>Der Checklistenpunkt wurde gelöscht; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Not changed: someone else changed the text meanwhile, and their changes stay.</source>
        <translation>Nicht geändert: Jemand anderes hat den Text inzwischen geändert, und diese Änderungen bleiben.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Nichts wurde geändert: %1</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>„%1“ löschen</translation>
    </message>
    <message>
        <source>The card was not deleted: %1</source>
        <translation>Die Karte wurde nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>The card was not brought back: %1</source>
        <translation>Die Karte wurde nicht zurückgeholt: %1</translation>
    </message>
    <message>
        <source>Delete column “%1”</source>
        <translation>Spalte „%1“ löschen</translation>
    </message>
    <message>
        <source>The column was not deleted: %1</source>
        <translation>Die Spalte wurde nicht gelöscht: %1</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>The request could not be understood. Please update Corkboard.</source>
        <translation>Die Anfrage wurde nicht verstanden. Bitte aktualisieren Sie Corkboard.</translation>
    </message>
    <message>
        <source>You are not signed in. Please sign in again.</source>
        <translation>Sie sind nicht angemeldet. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The e-mail address or password is not correct.</source>
        <translation>Die E-Mail-Adresse oder das Passwort ist nicht korrekt.</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>You are not allowed to do that.</source>
        <translation>Dazu sind Sie nicht berechtigt.</translation>
    </message>
    <message>
        <source>This item no longer exists or you no longer have access to it.</source>
        <translation>Dieses Element existiert nicht mehr oder Sie haben keinen Zugriff mehr darauf.</translation>
    </message>
    <message>
        <source>The server does not support this action. Please update Corkboard.</source>
        <translation>Der Server unterstützt diese Aktion nicht. Bitte aktualisieren Sie Corkboard.</translation>
    </message>
    <message>
        <source>The request took too long to send. Please try again.</source>
        <translation>Das Senden der Anfrage hat zu lange gedauert. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This conflicts with an existing item.</source>
        <translation>Dies steht im Konflikt mit einem vorhandenen Element.</translation>
    </message>
    <message>
        <source>The request could not be sent in this form. Please update Corkboard.</source>
        <translation>Die Anfrage konnte in dieser Form nicht gesendet werden. Bitte aktualisieren Sie Corkboard.</translation>
    </message>
    <message>
        <source>Someone else changed this in the meantime. Review the latest version and try again.</source>
        <translation>Jemand anderes hat dies inzwischen geändert. Prüfen Sie die neueste Fassung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The file arrived damaged. Please send it again.</source>
        <translation>Die Datei ist beschädigt angekommen. Bitte senden Sie sie erneut.</translation>
    </message>
    <message>
        <source>This is too large to upload.</source>
        <translation>Dies ist zu groß zum Hochladen.</translation>
    </message>
    <message>
        <source>This kind of content is not supported.</source>
        <translation>Diese Art von Inhalt wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>Some fields need attention.</source>
        <translation>Einige Felder müssen korrigiert werden.</translation>
    </message>
    <message>
        <source>Too many requests. Please wait a moment and try again.</source>
        <translation>Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The request was too large for the server. Please sign in again.</source>
        <translation>Die Anfrage war für den Server zu groß. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The server ran into a problem. Please try again later.</source>
        <translation>Auf dem Server ist ein Problem aufgetreten. Bitte versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The server is temporarily unavailable. Please try again later.</source>
        <translation>Der Server ist vorübergehend nicht erreichbar. Bitte versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot reach the server. Check your network connection.</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be established. Its certificate may be invalid.</source>
        <translation>Es konnte keine sichere Verbindung zum Server hergestellt werden. Sein Zertifikat ist möglicherweise ungültig.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Please try again.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server sent an answer Corkboard does not understand. Please update Corkboard.</source>
        <translation>Der Server hat eine Antwort gesendet, die Corkboard nicht versteht. Bitte aktualisieren Sie Corkboard.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Ihre Sitzung wurde beendet. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The system keychain could not be used to keep you signed in.</source>
        <translation>Der Schlüsselbund des Systems konnte nicht verwendet werden, um Sie angemeldet zu halten.</translation>
    </message>
    <message numerus="yes">
        <source>Too many requests. Please try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele Anfragen. Bitte versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele Anfragen. Bitte versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused this request.</source>
        <translation>Der Server hat diese Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Dieses Feld ist erforderlich.</translation>
    </message>
    <message>
        <source>This is too long.</source>
        <translation>Dies ist zu lang.</translation>
    </message>
    <message>
        <source>This is too short.</source>
        <translation>Dies ist zu kurz.</translation>
    </message>
    <message>
        <source>This value is not valid.</source>
        <translation>Dieser Wert ist ungültig.</translation>
    </message>
    <message>
        <source>This value is out of range.</source>
        <translation>Dieser Wert liegt außerhalb des zulässigen Bereichs.</translation>
    </message>
    <message>
        <source>This is already in use.</source>
        <translation>Dies wird bereits verwendet.</translation>
    </message>
    <message>
        <source>This field is not accepted. Please update Corkboard.</source>
        <translation>Dieses Feld wird nicht akzeptiert. Bitte aktualisieren Sie Corkboard.</translation>
    </message>
    <message>
        <source>This value has the wrong type.</source>
        <translation>Dieser Wert hat den falschen Typ.</translation>
    </message>
    <message>
        <source>at most %1 characters</source>
        <translation>höchstens %1 Zeichen</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>mindestens %1 Zeichen</translation>
    </message>
    <message>
        <source>This must not be empty.</source>
        <translation>Dies darf nicht leer sein.</translation>
    </message>
    <message>
        <source>This no longer exists. Reload and try again.</source>
        <translation>Dies existiert nicht mehr. Laden Sie neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This contains characters that are not allowed.</source>
        <translation>Dies enthält nicht erlaubte Zeichen.</translation>
    </message>
    <message>
        <source>The limit has been reached.</source>
        <translation>Das Limit ist erreicht.</translation>
    </message>
    <message>
        <source>This person is not a member of the board.</source>
        <translation>Diese Person ist kein Mitglied des Boards.</translation>
    </message>
    <message>
        <source>This server&apos;s certificate is not known yet. Compare its fingerprint with the one the server shows before you trust it:
%1</source>
        <translation>Das Zertifikat dieses Servers ist noch nicht bekannt. Vergleichen Sie seinen Fingerabdruck mit dem, den der Server anzeigt, bevor Sie ihm vertrauen:
%1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed since you last connected. This can mean someone is intercepting the connection, or that the server got a new certificate. Ask its administrator before accepting the new fingerprint:
new: %1
before: %2</source>
        <translation>Das Zertifikat des Servers hat sich seit der letzten Verbindung geändert. Das kann bedeuten, dass jemand die Verbindung abfängt, oder dass der Server ein neues Zertifikat hat. Fragen Sie seinen Administrator, bevor Sie den neuen Fingerabdruck annehmen:
neu: %1
vorher: %2</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not the one it announced on the network. The connection was refused.
presented: %1
announced: %2</source>
        <translation>Das Zertifikat des Servers ist nicht das, das er im Netzwerk angekündigt hat. Die Verbindung wurde abgelehnt.
vorgelegt: %1
angekündigt: %2</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has expired (or is not valid yet). Check this computer&apos;s date, or ask the server&apos;s administrator to renew it.</source>
        <translation>Das Zertifikat des Servers ist abgelaufen (oder noch nicht gültig). Prüfen Sie das Datum dieses Computers oder bitten Sie den Administrator des Servers, es zu erneuern.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is for a different name than the address you entered. Use the name the certificate was issued for.</source>
        <translation>Das Zertifikat des Servers gilt für einen anderen Namen als die eingegebene Adresse. Verwenden Sie den Namen, für den das Zertifikat ausgestellt wurde.</translation>
    </message>
    <message>
        <source>The server did not set up a secure connection in time. Check that the address and port are right and that it serves HTTPS.</source>
        <translation>Der Server hat nicht rechtzeitig eine sichere Verbindung aufgebaut. Prüfen Sie, ob Adresse und Port stimmen und ob er HTTPS anbietet.</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>“%1” is due soon</source>
        <translation>„%1“ ist bald fällig</translation>
    </message>
    <message>
        <source>“%1” is overdue</source>
        <translation>„%1“ ist überfällig</translation>
    </message>
    <message>
        <source>You were assigned to “%1”</source>
        <translation>Sie wurden „%1“ zugewiesen</translation>
    </message>
    <message>
        <source>You were mentioned on “%1”</source>
        <translation>Sie wurden in „%1“ erwähnt</translation>
    </message>
    <message>
        <source>New comment on “%1”</source>
        <translation>Neuer Kommentar zu „%1“</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The server refused the document.</source>
        <translation>Der Server hat das Dokument abgelehnt.</translation>
    </message>
    <message numerus="yes">
        <source>
… and %n more problem(s).</source>
        <translation>
            <numerusform>
… und %n weiteres Problem.</numerusform>
            <numerusform>
… und %n weitere Probleme.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export board</source>
        <translation>Board exportieren</translation>
    </message>
    <message>
        <source>Import board</source>
        <translation>Board importieren</translation>
    </message>
    <message>
        <source>Board documents (*.json)</source>
        <translation>Board-Dokumente (*.json)</translation>
    </message>
    <message>
        <source>Open a board first.</source>
        <translation>Öffnen Sie zuerst ein Board.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The board was saved to %1.</source>
        <translation>Das Board wurde in %1 gespeichert.</translation>
    </message>
    <message>
        <source>%1 is larger than 16 MiB.</source>
        <translation>%1 ist größer als 16 MiB.</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>%1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Trello</source>
        <translation>Trello</translation>
    </message>
    <message>
        <source>a Corkboard export</source>
        <translation>einem Corkboard-Export</translation>
    </message>
    <message>
        <source>Imported “%1” from %2: %3 columns, %4 cards (%5 archived), %6 labels, %7 checklist items, %8 comments, %9 members.</source>
        <translation>„%1“ aus %2 importiert: %3 Spalten, %4 Karten (%5 archiviert), %6 Labels, %7 Checklistenpunkte, %8 Kommentare, %9 Mitglieder.</translation>
    </message>
    <message>
        <source>No account here for: %1.</source>
        <translation>Hier gibt es kein Konto für: %1.</translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation>Nicht importiert:</translation>
    </message>
</context>
<context>
    <name>RemoveAttachmentCommand</name>
    <message>
        <source>Delete “%1”</source>
        <translation>„%1“ löschen</translation>
    </message>
    <message>
        <source>“%1” could not be deleted: %2</source>
        <translation>„%1“ konnte nicht gelöscht werden: %2</translation>
    </message>
</context>
<context>
    <name>corkboard::client::AttachmentDownload</name>
    <message>
        <source>“%1” cannot be written: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>corkboard::client::AttachmentUpload</name>
    <message>
        <source>The file “%1” cannot be read.</source>
        <translation>Die Datei „%1“ kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::AccountDialog</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>Angezeigter &amp;Name:</translation>
    </message>
    <message>
        <source>Save &amp;name</source>
        <translation>Namen &amp;speichern</translation>
    </message>
    <message>
        <source>Save name</source>
        <translation>Namen speichern</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>at least 10 characters</source>
        <translation>mindestens 10 Zeichen</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Aktuelles Passwort:</translation>
    </message>
    <message>
        <source>Ne&amp;w password:</source>
        <translation>Ne&amp;ues Passwort:</translation>
    </message>
    <message>
        <source>Change &amp;password</source>
        <translation>&amp;Passwort ändern</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Signed-in devices</source>
        <translation>Angemeldete Geräte</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <source>Saved. Others now see you as %1.</source>
        <translation>Gespeichert. Andere sehen Sie jetzt als %1.</translation>
    </message>
    <message>
        <source>Password changed. Your other devices are signed out and need the new password.</source>
        <translation>Passwort geändert. Ihre anderen Geräte sind abgemeldet und brauchen das neue Passwort.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Could not load your devices: %1</source>
        <translation>Ihre Geräte konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Unknown device</source>
        <translation>Unbekanntes Gerät</translation>
    </message>
    <message>
        <source>%1 (this device)</source>
        <translation>%1 (dieses Gerät)</translation>
    </message>
    <message>
        <source>Sign out this device</source>
        <translation>Dieses Gerät abmelden</translation>
    </message>
    <message>
        <source>Sign out %1</source>
        <translation>%1 abmelden</translation>
    </message>
    <message>
        <source>To sign out here, use File ▸ Sign out.</source>
        <translation>Um sich hier abzumelden, wählen Sie Datei ▸ Abmelden.</translation>
    </message>
    <message>
        <source>No signed-in devices.</source>
        <translation>Keine angemeldeten Geräte.</translation>
    </message>
    <message>
        <source>Could not sign out %1: %2</source>
        <translation>%1 konnte nicht abgemeldet werden: %2</translation>
    </message>
    <message>
        <source>%1 is signed out.</source>
        <translation>%1 ist abgemeldet.</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::ActivityPanel</name>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Activity of this card</source>
        <translation>Aktivität dieser Karte</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>%1 created this card</source>
        <translation>%1 hat diese Karte erstellt</translation>
    </message>
    <message>
        <source>%1 moved this card</source>
        <translation>%1 hat diese Karte verschoben</translation>
    </message>
    <message>
        <source>%1 changed this card</source>
        <translation>%1 hat diese Karte geändert</translation>
    </message>
    <message>
        <source>%1 commented: “%2”</source>
        <translation>%1 hat kommentiert: „%2“</translation>
    </message>
    <message>
        <source>%1 edited a comment</source>
        <translation>%1 hat einen Kommentar bearbeitet</translation>
    </message>
    <message>
        <source>%1 deleted a comment</source>
        <translation>%1 hat einen Kommentar gelöscht</translation>
    </message>
    <message>
        <source>%1 changed the checklist</source>
        <translation>%1 hat die Checkliste geändert</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Nothing has happened to this card yet.</source>
        <translation>Mit dieser Karte ist noch nichts passiert.</translation>
    </message>
    <message>
        <source>Show earlier activity</source>
        <translation>Frühere Aktivität anzeigen</translation>
    </message>
    <message>
        <source>The card&apos;s activity could not be loaded: %1</source>
        <translation>Die Aktivität der Karte konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 moved this card from %2 to %3</source>
        <translation>%1 hat diese Karte von %2 nach %3 verschoben</translation>
    </message>
    <message>
        <source>%1 moved this card within %2</source>
        <translation>%1 hat diese Karte innerhalb von %2 verschoben</translation>
    </message>
    <message>
        <source>%1 deleted this card</source>
        <translation>%1 hat diese Karte gelöscht</translation>
    </message>
    <message>
        <source>%1 added “%2” to the checklist</source>
        <translation>%1 hat „%2“ zur Checkliste hinzugefügt</translation>
    </message>
    <message>
        <source>%1 changed the checklist item “%2”</source>
        <translation>%1 hat den Checklistenpunkt „%2“ geändert</translation>
    </message>
    <message>
        <source>%1 ticked “%2”</source>
        <translation>%1 hat „%2“ abgehakt</translation>
    </message>
    <message>
        <source>%1 unticked “%2”</source>
        <translation>%1 hat den Haken bei „%2“ entfernt</translation>
    </message>
    <message>
        <source>%1 moved “%2” in the checklist</source>
        <translation>%1 hat „%2“ in der Checkliste verschoben</translation>
    </message>
    <message>
        <source>%1 removed “%2” from the checklist</source>
        <translation>%1 hat „%2“ aus der Checkliste entfernt</translation>
    </message>
    <message>
        <source>%1 attached “%2”</source>
        <translation>%1 hat „%2“ angehängt</translation>
    </message>
    <message>
        <source>%1 removed the attachment “%2”</source>
        <translation>%1 hat den Anhang „%2“ entfernt</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::AdminDialog</name>
    <message>
        <source>Administration</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Invites</source>
        <translation>Einladungen</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Role for the invite</source>
        <translation>Rolle für die Einladung</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>&amp;New invite</source>
        <translation>&amp;Neue Einladung</translation>
    </message>
    <message>
        <source>Invite code %1 copied to the clipboard.</source>
        <translation>Einladungscode %1 in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation>Rolle von %1</translation>
    </message>
    <message>
        <source>%1 disabled</source>
        <translation>%1 deaktiviert</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Only the first characters are kept on the server.</source>
        <translation>Der Server bewahrt nur die ersten Zeichen auf.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Revoke invite %1</source>
        <translation>Einladung %1 widerrufen</translation>
    </message>
    <message>
        <source>Revoke invite</source>
        <translation>Einladung widerrufen</translation>
    </message>
    <message>
        <source>Revoke the invite %1? Nobody can register with it any more.</source>
        <translation>Die Einladung %1 widerrufen? Danach kann sich niemand mehr damit registrieren.</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>To revoke the invite %1…, paste its whole code (it was copied when the invite was made):</source>
        <translation>Um die Einladung %1… zu widerrufen, fügen Sie ihren ganzen Code ein (er wurde beim Erstellen der Einladung kopiert):</translation>
    </message>
    <message>
        <source>That is not the code of the invite %1….</source>
        <translation>Das ist nicht der Code der Einladung %1….</translation>
    </message>
    <message>
        <source>Could not revoke the invite: %1</source>
        <translation>Die Einladung konnte nicht widerrufen werden: %1</translation>
    </message>
    <message>
        <source>Invite %1 revoked.</source>
        <translation>Einladung %1 widerrufen.</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::ApiBackend</name>
    <message>
        <source>someone</source>
        <translation>jemand</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::AttachmentsPanel</name>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Drop files here, or paste an image with Ctrl+V.</source>
        <translation>Dateien hierher ziehen oder ein Bild mit Strg+V einfügen.</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Attach files…</source>
        <translation>Dateien &amp;anhängen …</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Sa&amp;ve as…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Open attachment</source>
        <translation>Anhang öffnen</translation>
    </message>
    <message>
        <source>Save attachment as</source>
        <translation>Anhang speichern unter</translation>
    </message>
    <message>
        <source>Delete attachment</source>
        <translation>Anhang löschen</translation>
    </message>
    <message>
        <source>“%1” was not attached: %2</source>
        <translation>„%1“ wurde nicht angehängt: %2</translation>
    </message>
    <message>
        <source>Attachments (%1)</source>
        <translation>Anhänge (%1)</translation>
    </message>
    <message>
        <source>%1 · %2 · added by %3</source>
        <translation>%1 · %2 · hinzugefügt von %3</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>The pasted image could not be saved for uploading.</source>
        <translation>Das eingefügte Bild konnte zum Hochladen nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Pasted image %1.png</source>
        <translation>Eingefügtes Bild %1.png</translation>
    </message>
    <message>
        <source>The clipboard holds no image or file to attach.</source>
        <translation>Die Zwischenablage enthält kein Bild und keine Datei zum Anhängen.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Uploading %1</source>
        <translation>%1 wird hochgeladen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel uploading %1</source>
        <translation>Hochladen von %1 abbrechen</translation>
    </message>
    <message>
        <source>Waiting for the network… %p%</source>
        <translation>Warte auf das Netzwerk … %p %</translation>
    </message>
    <message>
        <source>Opening “%1”…</source>
        <translation>„%1“ wird geöffnet …</translation>
    </message>
    <message>
        <source>No application opens “%1”.</source>
        <translation>Keine Anwendung öffnet „%1“.</translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation>%1 wird gespeichert</translation>
    </message>
    <message>
        <source>Saving “%1”</source>
        <translation>„%1“ wird gespeichert</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <source>Deleting “%1”…</source>
        <translation>„%1“ wird gelöscht …</translation>
    </message>
    <message>
        <source>“%1” was not deleted: %2</source>
        <translation>„%1“ wurde nicht gelöscht: %2</translation>
    </message>
    <message>
        <source>“%1” deleted.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::BackupsPanel</name>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Sichern …</translation>
    </message>
    <message>
        <source>Backup %1 written and verified.</source>
        <translation>Sicherung %1 geschrieben und geprüft.</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::BoardCommands</name>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>The last column cannot be deleted while it has cards.</source>
        <translation>Die letzte Spalte kann nicht gelöscht werden, solange sie Karten enthält.</translation>
    </message>
    <message>
        <source>Delete column</source>
        <translation>Spalte löschen</translation>
    </message>
    <message>
        <source>Delete the empty column “%1”?</source>
        <translation>Die leere Spalte „%1“ löschen?</translation>
    </message>
    <message>
        <source>A deleted card stays in the archive: %1</source>
        <translation>Eine gelöschte Karte bleibt im Archiv: %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete the column “%1”? Its %n card(s) move to “%2”; Undo (Ctrl+Z) puts them back.</source>
        <translation>
            <numerusform>Die Spalte „%1“ löschen? Ihre %n Karte kommt nach „%2“; Rückgängig (Strg+Z) holt sie zurück.</numerusform>
            <numerusform>Die Spalte „%1“ löschen? Ihre %n Karten kommen nach „%2“; Rückgängig (Strg+Z) holt sie zurück.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” deleted. Undo (Ctrl+Z) brings it back.</source>
        <translation>„%1“ gelöscht. Rückgängig (Strg+Z) holt die Karte zurück.</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::BoardListModel</name>
    <message>
        <source>%1 (archived)</source>
        <translation>%1 (archiviert)</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::BoardView</name>
    <message>
        <source>← Boards</source>
        <translation>← Boards</translation>
    </message>
    <message>
        <source>Back to the boards</source>
        <translation>Zurück zu den Boards</translation>
    </message>
    <message>
        <source>Also on this board</source>
        <translation>Ebenfalls auf diesem Board</translation>
    </message>
    <message>
        <source>&amp;Members…</source>
        <translation>&amp;Mitglieder…</translation>
    </message>
    <message>
        <source>Loading the board…</source>
        <translation>Board wird geladen…</translation>
    </message>
    <message>
        <source>+ Add a column</source>
        <translation>+ Spalte hinzufügen</translation>
    </message>
    <message>
        <source>Add a column</source>
        <translation>Spalte hinzufügen</translation>
    </message>
    <message>
        <source>Here: %1</source>
        <translation>Hier: %1</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::BoardsList</name>
    <message>
        <source>&lt;h2&gt;Your boards&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Ihre Boards&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Loading boards…</source>
        <translation>Boards werden geladen…</translation>
    </message>
    <message>
        <source>Boards</source>
        <translation>Boards</translation>
    </message>
    <message>
        <source>New board name</source>
        <translation>Name des neuen Boards</translation>
    </message>
    <message>
        <source>&amp;Create board</source>
        <translation>Board &amp;erstellen</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archivieren</translation>
    </message>
    <message>
        <source>Rename board</source>
        <translation>Board umbenennen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Un&amp;archive</source>
        <translation>Wiederher&amp;stellen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Delete the board with all its cards (owners; asks first)</source>
        <translation>Das Board mit allen Karten löschen (Besitzer; fragt vorher)</translation>
    </message>
    <message>
        <source>Delete board</source>
        <translation>Board löschen</translation>
    </message>
    <message>
        <source>Delete the board “%1” with all its columns, cards, comments and files, for everyone on it? This cannot be undone; archiving can.</source>
        <translation>Das Board „%1“ mit allen Spalten, Karten, Kommentaren und Dateien für alle darauf löschen? Das lässt sich nicht rückgängig machen; Archivieren schon.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>The board was not deleted: %1</source>
        <translation>Das Board wurde nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>The board “%1” was deleted.</source>
        <translation>Das Board „%1“ wurde gelöscht.</translation>
    </message>
    <message>
        <source>No boards yet. Type a name below and press Enter to make your first board.</source>
        <translation>Noch keine Boards. Geben Sie unten einen Namen ein und drücken Sie die Eingabetaste, um Ihr erstes Board anzulegen.</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::CardDetailDialog</name>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Assignees</source>
        <translation>Zuständige</translation>
    </message>
    <message>
        <source>Assignees:</source>
        <translation>Zuständige:</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Etiketten</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Etiketten:</translation>
    </message>
    <message>
        <source>D&amp;ue</source>
        <translation>F&amp;ällig</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>Fällig am:</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Title: “%1”</source>
        <translation>Titel: „%1“</translation>
    </message>
    <message>
        <source>Description changed</source>
        <translation>Beschreibung geändert</translation>
    </message>
    <message>
        <source>Assignees changed</source>
        <translation>Zuständige geändert</translation>
    </message>
    <message>
        <source>Labels changed</source>
        <translation>Etiketten geändert</translation>
    </message>
    <message>
        <source>Due date changed</source>
        <translation>Fälligkeitsdatum geändert</translation>
    </message>
    <message>
        <source>Card changed meanwhile</source>
        <translation>Karte inzwischen geändert</translation>
    </message>
    <message>
        <source>Someone else changed this card while you were editing it.</source>
        <translation>Jemand anderes hat diese Karte geändert, während Sie sie bearbeitet haben.</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Deren übernehmen</translation>
    </message>
    <message>
        <source>Not saved: the board server cannot be reached. Your changes are kept here.</source>
        <translation>Nicht gespeichert: Der Board-Server ist nicht erreichbar. Ihre Änderungen bleiben hier erhalten.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>This card has changes that are not saved yet. Save them before closing?</source>
        <translation>Diese Karte hat noch nicht gespeicherte Änderungen. Vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>This board has no labels yet. Board ▸ Labels… in the window makes them.</source>
        <translation>Dieses Board hat noch keine Labels. Board ▸ Labels … im Fenster legt sie an.</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::CardModel</name>
    <message>
        <source>due %1</source>
        <translation>fällig %1</translation>
    </message>
    <message>
        <source>%1 of %2 checklist items done</source>
        <translation>%1 von %2 Checklistenpunkten erledigt</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n Kommentar</numerusform>
            <numerusform>%n Kommentare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>%n Anhang</numerusform>
            <numerusform>%n Anhänge</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>corkboard::ui::CertificateCheck</name>
    <message>
        <source>Not connected: the server&apos;s certificate changed and was not accepted.</source>
        <translation>Nicht verbunden: Das Zertifikat des Servers hat sich geändert und wurde nicht angenommen.</translation>
    </message>
    <message>
        <source>Not connected: the server&apos;s certificate was not trusted.</source>
        <translation>Nicht verbunden: Dem Zertifikat des Servers wurde nicht vertraut.</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::CertificateDialog</name>
    <message>
        <source>Trust this server?</source>
        <translation>Diesem Server vertrauen?</translation>
    </message>
    <message>
        <source>This is the first connection to %1. Its certificate is not signed by an authority this computer knows, so check it yourself: the server shows this fingerprint when it starts (and in &quot;Share on LAN&quot;).</source>
        <translation>Dies ist die erste Verbindung zu %1. Sein Zertifikat ist von keiner Stelle signiert, die dieser Computer kennt; prüfen Sie es daher selbst: Der Server zeigt diesen Fingerabdruck beim Start (und unter „Im LAN freigeben“).</translation>
    </message>
    <message>
        <source>It matches the fingerprint the server announced on the network.</source>
        <translation>Er stimmt mit dem Fingerabdruck überein, den der Server im Netzwerk angekündigt hat.</translation>
    </message>
    <message>
        <source>It does NOT match the fingerprint the server announced on the network.</source>
        <translation>Er stimmt NICHT mit dem Fingerabdruck überein, den der Server im Netzwerk angekündigt hat.</translation>
    </message>
    <message>
        <source>&amp;Trust and connect</source>
        <translation>&amp;Vertrauen und verbinden</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed</source>
        <translation>Das Zertifikat des Servers hat sich geändert</translation>
    </message>
    <message>
        <source>%1 now presents a different certificate than the one you trusted. Someone may be intercepting the connection — or the server got a new certificate. Ask its administrator which fingerprint it shows now before you accept it.</source>
        <translation>%1 legt jetzt ein anderes Zertifikat vor als das, dem Sie vertraut haben. Möglicherweise fängt jemand die Verbindung ab – oder der Server hat ein neues Zertifikat. Fragen Sie seinen Administrator, welchen Fingerabdruck er jetzt zeigt, bevor Sie es annehmen.</translation>
    </message>
    <message>
        <source>Trusted before:</source>
        <translation>Bisher vertraut:</translation>
    </message>
    <message>
        <source>Presented now:</source>
        <translation>Jetzt vorgelegt:</translation>
    </message>
    <message>
        <source>I &amp;checked the new fingerprint with the server&apos;s administrator</source>
        <translation>Ich habe den neuen Fingerabdruck mit dem Administrator des Servers &amp;geprüft</translation>
    </message>
    <message>
        <source>&amp;Accept the new certificate</source>
        <translation>Neues Zertifikat &amp;annehmen</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::ChecklistPanel</name>
    <message>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <source>+ Add an item</source>
        <translation>+ Punkt hinzufügen</translation>
    </message>
    <message>
        <source>New checklist item</source>
        <translation>Neuer Checklistenpunkt</translation>
    </message>
    <message>
        <source>Item not added: the board server cannot be reached. Your text is kept.</source>
        <translation>Punkt nicht hinzugefügt: Der Board-Server ist nicht erreichbar. Ihr Text bleibt erhalten.</translation>
    </message>
    <message>
        <source>Item not added: %1</source>
        <translation>Punkt nicht hinzugefügt: %1</translation>
    </message>
    <message>
        <source>Not added yet: Save tries again</source>
        <translation>Noch nicht hinzugefügt: Speichern versucht es erneut</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Wird hinzugefügt…</translation>
    </message>
    <message>
        <source>Not saved yet: %1</source>
        <translation>Noch nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Item not changed: the board server cannot be reached. Your text is kept.</source>
        <translation>Punkt nicht geändert: Der Board-Server ist nicht erreichbar. Ihr Text bleibt erhalten.</translation>
    </message>
    <message>
        <source>Item not changed: %1</source>
        <translation>Punkt nicht geändert: %1</translation>
    </message>
    <message>
        <source>Item not deleted: %1</source>
        <translation>Punkt nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Item not moved: %1</source>
        <translation>Punkt nicht verschoben: %1</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move d&amp;own</source>
        <translation>Nach &amp;unten</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::ColumnModel</name>
    <message>
        <source>%1, %2 cards, over the limit of %3</source>
        <translation>%1, %2 Karten, über dem Limit von %3</translation>
    </message>
    <message>
        <source>%1, %2 cards</source>
        <translation>%1, %2 Karten</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::ColumnWidget</name>
    <message>
        <source>Drag to move the column</source>
        <translation>Ziehen, um die Spalte zu verschieben</translation>
    </message>
    <message>
        <source>+ Add a card</source>
        <translation>+ Karte hinzufügen</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Over the work-in-progress limit of %1</source>
        <translation>Über dem WIP-Limit von %1</translation>
    </message>
    <message>
        <source>Cards in %1</source>
        <translation>Karten in %1</translation>
    </message>
    <message>
        <source>Add a card to %1</source>
        <translation>Karte zu %1 hinzufügen</translation>
    </message>
    <message>
        <source>Not added: the board server cannot be reached. Your text is kept; press Enter to try again.</source>
        <translation>Nicht hinzugefügt: Der Board-Server ist nicht erreichbar. Ihr Text bleibt erhalten; drücken Sie die Eingabetaste, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>Titel: %1</translation>
    </message>
    <message>
        <source>Not added: “%1”</source>
        <translation>Nicht hinzugefügt: „%1“</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Move to</source>
        <translation>&amp;Verschieben nach</translation>
    </message>
    <message>
        <source>Top of “%1”</source>
        <translation>Anfang von „%1“</translation>
    </message>
    <message>
        <source>Bottom of “%1”</source>
        <translation>Ende von „%1“</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archivieren</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>Rename column</source>
        <translation>Spalte umbenennen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>&amp;WIP limit…</source>
        <translation>&amp;WIP-Limit…</translation>
    </message>
    <message>
        <source>Work-in-progress limit</source>
        <translation>WIP-Limit</translation>
    </message>
    <message>
        <source>At most this many cards (0: no limit):</source>
        <translation>Höchstens so viele Karten (0: kein Limit):</translation>
    </message>
    <message>
        <source>Move &amp;left</source>
        <translation>Nach &amp;links</translation>
    </message>
    <message>
        <source>Move &amp;right</source>
        <translation>Nach &amp;rechts</translation>
    </message>
    <message>
        <source>Copy card &amp;ID</source>
        <translation>Karten-&amp;ID kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>&amp;Link kopieren</translation>
    </message>
    <message>
        <source>Enter adds the card at the bottom, Shift+Enter at the top</source>
        <translation>Eingabe fügt die Karte unten an, Umschalt+Eingabe oben</translation>
    </message>
    <message>
        <source>Add a card at the &amp;top…</source>
        <translation>Karte &amp;oben hinzufügen …</translation>
    </message>
    <message>
        <source>Add a card at the top</source>
        <translation>Karte oben hinzufügen</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::CommentsPanel</name>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Write a comment — type @ to mention someone</source>
        <translation>Kommentar schreiben – mit @ jemanden erwähnen</translation>
    </message>
    <message>
        <source>New comment</source>
        <translation>Neuer Kommentar</translation>
    </message>
    <message>
        <source>Comment not sent: the board server cannot be reached. Your text is kept; press Enter to try again.</source>
        <translation>Kommentar nicht gesendet: Der Board-Server ist nicht erreichbar. Ihr Text bleibt erhalten; drücken Sie die Eingabetaste, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Comment not sent: %1</source>
        <translation>Kommentar nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>%1 · %2 (edited)</source>
        <translation>%1 · %2 (bearbeitet)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation>Kommentar bearbeiten</translation>
    </message>
    <message>
        <source>Not saved: the board server cannot be reached. Your text is kept.</source>
        <translation>Nicht gespeichert: Der Board-Server ist nicht erreichbar. Ihr Text bleibt erhalten.</translation>
    </message>
    <message>
        <source>Delete comment</source>
        <translation>Kommentar löschen</translation>
    </message>
    <message>
        <source>Delete this comment? This cannot be undone.</source>
        <translation>Diesen Kommentar löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Comment not deleted: %1</source>
        <translation>Kommentar nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::DesktopSession</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language is used from the next start of Corkboard.</source>
        <translation>Die neue Sprache wird ab dem nächsten Start von Corkboard verwendet.</translation>
    </message>
    <message>
        <source>Sharing on the local network</source>
        <translation>Freigabe im lokalen Netzwerk</translation>
    </message>
    <message>
        <source>From the next start, others on your network can connect to this computer on port %1.</source>
        <translation>Ab dem nächsten Start können sich andere in Ihrem Netzwerk über Port %1 mit diesem Computer verbinden.</translation>
    </message>
    <message>
        <source>From the next start, the boards are no longer shared.</source>
        <translation>Ab dem nächsten Start werden die Boards nicht mehr freigegeben.</translation>
    </message>
    <message>
        <source>Welcome to Corkboard.</source>
        <translation>Willkommen bei Corkboard.</translation>
    </message>
    <message>
        <source>Starting the board server on this computer…</source>
        <translation>Der Board-Server auf diesem Computer wird gestartet…</translation>
    </message>
    <message>
        <source>The board server could not start: %1</source>
        <translation>Der Board-Server konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Create the first account to start.</source>
        <translation>Erstellen Sie das erste Konto, um zu beginnen.</translation>
    </message>
    <message>
        <source>Please sign in.</source>
        <translation>Bitte melden Sie sich an.</translation>
    </message>
    <message numerus="yes">
        <source>The board server %1 cannot be reached: %2
Trying again in %n second(s) — or press Retry.</source>
        <translation>
            <numerusform>Der Board-Server %1 ist nicht erreichbar: %2
Neuer Versuch in %n Sekunde – oder klicken Sie auf „Erneut versuchen“.</numerusform>
            <numerusform>Der Board-Server %1 ist nicht erreichbar: %2
Neuer Versuch in %n Sekunden – oder klicken Sie auf „Erneut versuchen“.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the server&apos;s certificate…</source>
        <translation>Zertifikat des Servers wird geprüft…</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::FilterBar</name>
    <message>
        <source>Filter cards…</source>
        <translation>Karten filtern…</translation>
    </message>
    <message>
        <source>Show cards containing</source>
        <translation>Karten zeigen, die enthalten</translation>
    </message>
    <message>
        <source>Show cards with the label</source>
        <translation>Karten mit dem Label zeigen</translation>
    </message>
    <message>
        <source>Show cards assigned to</source>
        <translation>Karten zeigen, zugewiesen an</translation>
    </message>
    <message>
        <source>Show cards due</source>
        <translation>Karten zeigen, fällig</translation>
    </message>
    <message>
        <source>Any due date</source>
        <translation>Beliebiges Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Due in the next 7 days</source>
        <translation>In den nächsten 7 Tagen fällig</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Ohne Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <source>Any label</source>
        <translation>Beliebiges Label</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Alle Personen</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Ich</translation>
    </message>
    <message>
        <source>Showing %1 of %2 cards</source>
        <translation>%1 von %2 Karten sichtbar</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::FirstRunDialog</name>
    <message>
        <source>Welcome to Corkboard</source>
        <translation>Willkommen bei Corkboard</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Corkboard&lt;/h2&gt;&lt;p&gt;Where should your boards live?&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Willkommen bei Corkboard&lt;/h2&gt;&lt;p&gt;Wo sollen Ihre Boards liegen?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Start a board on this computer</source>
        <translation>Board auf diesem Computer &amp;starten</translation>
    </message>
    <message>
        <source>Runs a board server inside this program; others on your network can join later.</source>
        <translation>Startet einen Board-Server in diesem Programm; andere in Ihrem Netzwerk können später beitreten.</translation>
    </message>
    <message>
        <source>Your boards are kept on this computer. You can share them on your network later in Settings.</source>
        <translation>Ihre Boards werden auf diesem Computer gespeichert. Sie können sie später in den Einstellungen im Netzwerk freigeben.</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Server-&amp;Adresse:</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server-Adresse</translation>
    </message>
    <message>
        <source>&amp;Connect to a team server</source>
        <translation>Mit einem Team-Server &amp;verbinden</translation>
    </message>
    <message>
        <source>Enter the address of the server, for example 192.168.1.20:8080</source>
        <translation>Geben Sie die Adresse des Servers ein, zum Beispiel 192.168.1.20:8080</translation>
    </message>
    <message>
        <source>Connect without encryption?</source>
        <translation>Ohne Verschlüsselung verbinden?</translation>
    </message>
    <message>
        <source>%1 is a plain http:// address on the network. Your password and everything on your boards would cross the network unencrypted, readable by anyone on it.</source>
        <translation>%1 ist eine unverschlüsselte http://-Adresse im Netzwerk. Ihr Passwort und alles auf Ihren Boards würden unverschlüsselt durch das Netzwerk gehen, lesbar für alle darin.</translation>
    </message>
    <message>
        <source>Use https:// unless this server was started with --insecure-http on purpose.</source>
        <translation>Verwenden Sie https://, es sei denn, dieser Server wurde absichtlich mit --insecure-http gestartet.</translation>
    </message>
    <message>
        <source>Connect &amp;without encryption</source>
        <translation>&amp;Ohne Verschlüsselung verbinden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Servers on this network:</source>
        <translation>Server in diesem Netzwerk:</translation>
    </message>
    <message>
        <source>Servers on this network</source>
        <translation>Server in diesem Netzwerk</translation>
    </message>
    <message>
        <source>Looking for servers…</source>
        <translation>Suche nach Servern…</translation>
    </message>
    <message>
        <source>Pick one, or type an address below.</source>
        <translation>Wählen Sie einen aus oder geben Sie unten eine Adresse ein.</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::LabelsDialog</name>
    <message>
        <source>Red</source>
        <translation>Rot</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Gelb</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Blau</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Lila</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Grau</translation>
    </message>
    <message>
        <source>Labels of “%1”</source>
        <translation>Labels von „%1“</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>&amp;New label…</source>
        <translation>&amp;Neues Label …</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen …</translation>
    </message>
    <message>
        <source>C&amp;olour</source>
        <translation>&amp;Farbe</translation>
    </message>
    <message>
        <source>Colour of the selected label</source>
        <translation>Farbe des gewählten Labels</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>This board has no labels yet. “New label…” makes one.</source>
        <translation>Dieses Board hat noch keine Labels. „Neues Label …“ legt eines an.</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>Neues Label</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>The label was not created: %1</source>
        <translation>Das Label wurde nicht angelegt: %1</translation>
    </message>
    <message>
        <source>Rename label</source>
        <translation>Label umbenennen</translation>
    </message>
    <message>
        <source>The label was not renamed: %1</source>
        <translation>Das Label wurde nicht umbenannt: %1</translation>
    </message>
    <message>
        <source>The colour was not changed: %1</source>
        <translation>Die Farbe wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>Delete label</source>
        <translation>Label löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete the label “%1”? It is taken off %n card(s).</source>
        <translation>
            <numerusform>Das Label „%1“ löschen? Es wird von %n Karte entfernt.</numerusform>
            <numerusform>Das Label „%1“ löschen? Es wird von %n Karten entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the label “%1”?</source>
        <translation>Das Label „%1“ löschen?</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>The label was not deleted: %1</source>
        <translation>Das Label wurde nicht gelöscht: %1</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::MainWindow</name>
    <message>
        <source>Corkboard</source>
        <translation>Corkboard</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>Verbindungsproblem</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>&amp;Boards</source>
        <translation>&amp;Boards</translation>
    </message>
    <message>
        <source>All boards (Ctrl+B)</source>
        <translation>Alle Boards (Strg+B)</translation>
    </message>
    <message>
        <source>&amp;New board</source>
        <translation>&amp;Neues Board</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>Add a &amp;card</source>
        <translation>&amp;Karte hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation>&amp;Verwaltung</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Move refused</source>
        <translation>Verschieben abgelehnt</translation>
    </message>
    <message>
        <source>%1 — Corkboard</source>
        <translation>%1 – Corkboard</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>◌ Reconnecting…</source>
        <translation>◌ Verbindung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <source>The board server cannot be reached. Changes will show again once it is back.</source>
        <translation>Der Board-Server ist nicht erreichbar. Änderungen erscheinen wieder, sobald er zurück ist.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Try to reach the server again</source>
        <translation>Den Server erneut zu erreichen versuchen</translation>
    </message>
    <message>
        <source>Connect to another &amp;server…</source>
        <translation>Mit anderem &amp;Server verbinden…</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>B&amp;oard</translation>
    </message>
    <message>
        <source>&amp;Members…</source>
        <translation>&amp;Mitglieder…</translation>
    </message>
    <message>
        <source>&amp;Archived cards…</source>
        <translation>&amp;Archivierte Karten…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Archived cards</source>
        <translation>Archivierte Karten</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>No archived cards on this board.</source>
        <translation>Keine archivierten Karten auf diesem Board.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Open the selected card</source>
        <translation>Ausgewählte Karte öffnen</translation>
    </message>
    <message>
        <source>Move the card to the next / previous column</source>
        <translation>Karte in die nächste / vorige Spalte verschieben</translation>
    </message>
    <message>
        <source>Move the card up / down</source>
        <translation>Karte nach oben / unten verschieben</translation>
    </message>
    <message>
        <source>Archive the selected card (undo brings it back)</source>
        <translation>Ausgewählte Karte archivieren (Rückgängig holt sie zurück)</translation>
    </message>
    <message>
        <source>Add a checklist item or post a comment (in the card)</source>
        <translation>Checklistenpunkt hinzufügen oder Kommentar senden (in der Karte)</translation>
    </message>
    <message>
        <source>Close the card (asks when something is not saved)</source>
        <translation>Karte schließen (fragt, wenn etwas nicht gespeichert ist)</translation>
    </message>
    <message>
        <source>&amp;Import board…</source>
        <translation>Board &amp;importieren …</translation>
    </message>
    <message>
        <source>E&amp;xport board…</source>
        <translation>Board e&amp;xportieren …</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>&amp;Labels …</translation>
    </message>
    <message>
        <source>My &amp;work…</source>
        <translation>Meine &amp;Arbeit…</translation>
    </message>
    <message>
        <source>“%1” deleted. Undo: Ctrl+Z</source>
        <translation>„%1“ gelöscht. Rückgängig: Strg+Z</translation>
    </message>
    <message>
        <source>Link copied: paste it into File ▸ Open link, or click it.</source>
        <translation>Link kopiert: In Datei ▸ Link öffnen einfügen oder anklicken.</translation>
    </message>
    <message>
        <source>Open &amp;link…</source>
        <translation>&amp;Link öffnen …</translation>
    </message>
    <message>
        <source>That is not a Corkboard link.</source>
        <translation>Das ist kein Corkboard-Link.</translation>
    </message>
    <message>
        <source>Sign in first, then open the link again.</source>
        <translation>Melden Sie sich zuerst an und öffnen Sie den Link dann erneut.</translation>
    </message>
    <message>
        <source>That link is for the boards on the computer it was copied on.</source>
        <translation>Dieser Link gilt für die Boards auf dem Computer, auf dem er kopiert wurde.</translation>
    </message>
    <message>
        <source>That link is for the board server at %1; this window is connected to another one (File ▸ Connect to another server).</source>
        <translation>Dieser Link gilt für den Board-Server unter %1; dieses Fenster ist mit einem anderen verbunden (Datei ▸ Mit anderem Server verbinden).</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Link öffnen</translation>
    </message>
    <message>
        <source>A Corkboard link (“Copy link” on a card makes one):</source>
        <translation>Ein Corkboard-Link („Link kopieren“ an einer Karte erzeugt einen):</translation>
    </message>
    <message>
        <source>A&amp;ccount…</source>
        <translation>&amp;Konto…</translation>
    </message>
    <message>
        <source>&amp;Webhooks…</source>
        <translation>&amp;Webhooks…</translation>
    </message>
    <message>
        <source>Board owners can add webhooks.</source>
        <translation>Eigentümer des Boards können Webhooks hinzufügen.</translation>
    </message>
    <message>
        <source>Delete the selected card (undo brings it back)</source>
        <translation>Die gewählte Karte löschen (Rückgängig holt sie zurück)</translation>
    </message>
    <message>
        <source>You are no longer an owner of this board: its webhooks closed.</source>
        <translation>Sie sind nicht mehr Besitzer dieses Boards: seine Webhooks wurden geschlossen.</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::MembersDialog</name>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <source>Members and sharing</source>
        <translation>Mitglieder und Freigabe</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>E-mail or name of a person to add</source>
        <translation>E-Mail oder Name der Person, die hinzugefügt werden soll</translation>
    </message>
    <message>
        <source>Person to add</source>
        <translation>Hinzuzufügende Person</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation>Auswahl &amp;entfernen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation>Rolle von %1</translation>
    </message>
    <message>
        <source>Nobody found with that name or e-mail.</source>
        <translation>Niemand mit diesem Namen oder dieser E-Mail gefunden.</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::MyWorkDialog</name>
    <message>
        <source>My work</source>
        <translation>Meine Arbeit</translation>
    </message>
    <message>
        <source>Looking through your boards…</source>
        <translation>Ihre Boards werden durchsucht…</translation>
    </message>
    <message>
        <source>Cards assigned to me</source>
        <translation>Mir zugewiesene Karten</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (überfällig)</translation>
    </message>
    <message>
        <source>No cards are assigned to you.</source>
        <translation>Ihnen sind keine Karten zugewiesen.</translation>
    </message>
    <message>
        <source>Assigned to you: %1. Enter or a double-click opens a card.</source>
        <translation>Ihnen zugewiesen: %1. Eingabetaste oder Doppelklick öffnet eine Karte.</translation>
    </message>
    <message>
        <source>Boards that could not be read: %1.</source>
        <translation>Boards, die nicht gelesen werden konnten: %1.</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::NotificationBell</name>
    <message numerus="yes">
        <source>Notifications, %n unread</source>
        <translation>
            <numerusform>Benachrichtigungen, %n ungelesen</numerusform>
            <numerusform>Benachrichtigungen, %n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>corkboard::ui::NotificationModel</name>
    <message>
        <source>Unread: %1</source>
        <translation>Ungelesen: %1</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::NotificationsPanel</name>
    <message>
        <source>&lt;b&gt;Notifications&lt;/b&gt;</source>
        <translation>&lt;b&gt;Benachrichtigungen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Mark all &amp;read</source>
        <translation>Alle als &amp;gelesen markieren</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::OpenBoard</name>
    <message>
        <source>The card could not be moved: %1</source>
        <translation>Die Karte konnte nicht verschoben werden: %1</translation>
    </message>
    <message>
        <source>The column could not be moved: %1</source>
        <translation>Die Spalte konnte nicht verschoben werden: %1</translation>
    </message>
    <message>
        <source>This board was deleted.</source>
        <translation>Dieses Board wurde gelöscht.</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::SearchBox</name>
    <message>
        <source>Search cards (Ctrl+F)</source>
        <translation>Karten suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::SearchResultModel</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Sharing on the local network</source>
        <translation>Freigabe im lokalen Netzwerk</translation>
    </message>
    <message>
        <source>&amp;Share this computer&apos;s boards on the LAN</source>
        <translation>Boards dieses Computers im LAN &amp;freigeben</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Only a board server on this computer can be shared.</source>
        <translation>Nur ein Board-Server auf diesem Computer kann freigegeben werden.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray when the window is closed</source>
        <translation>Nach dem Schließen des Fensters im &amp;Infobereich weiterlaufen</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Datenordner:</translation>
    </message>
    <message>
        <source>Shown here while the boards are shared (sharing uses HTTPS).</source>
        <translation>Wird hier angezeigt, solange die Boards freigegeben sind (die Freigabe nutzt HTTPS).</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256)</source>
        <translation>Zertifikat-Fingerabdruck (SHA-256)</translation>
    </message>
    <message>
        <source>Certificate fingerprint:</source>
        <translation>Zertifikat-Fingerabdruck:</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::SignInDialog</name>
    <message>
        <source>Create your account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>at least 10 characters</source>
        <translation>mindestens 10 Zeichen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>E-&amp;Mail:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Invite code:</source>
        <translation>&amp;Einladungscode:</translation>
    </message>
    <message>
        <source>Create account and start</source>
        <translation>Konto erstellen und loslegen</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <source>This account will be the administrator of the boards on this computer.</source>
        <translation>Dieses Konto wird Administrator der Boards auf diesem Computer.</translation>
    </message>
    <message>
        <source>Please wait…</source>
        <translation>Bitte warten…</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::TextEditDialog</name>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Speichern (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Your changes to this text are not saved yet. Save them before closing?</source>
        <translation>Ihre Änderungen an diesem Text sind noch nicht gespeichert. Vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::TrayNotifier</name>
    <message>
        <source>Corkboard</source>
        <translation>Corkboard</translation>
    </message>
    <message>
        <source>Show Corkboard</source>
        <translation>Corkboard anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>You were mentioned</source>
        <translation>Sie wurden erwähnt</translation>
    </message>
    <message>
        <source>Card overdue</source>
        <translation>Karte überfällig</translation>
    </message>
    <message>
        <source>Card due soon</source>
        <translation>Karte bald fällig</translation>
    </message>
</context>
<context>
    <name>corkboard::ui::UploadStatus</name>
    <message>
        <source>Upload progress</source>
        <translation>Fortschritt beim Hochladen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel uploads</source>
        <translation>Hochladen abbrechen</translation>
    </message>
    <message>
        <source>“%1” attached.</source>
        <translation>„%1“ angehängt.</translation>
    </message>
    <message>
        <source>“%1” was not attached: %2</source>
        <translation>„%1“ wurde nicht angehängt: %2</translation>
    </message>
    <message numerus="yes">
        <source>Uploading %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird hochgeladen …</numerusform>
            <numerusform>%n Dateien werden hochgeladen …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>corkboard::ui::WebhooksDialog</name>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Recent &amp;deliveries</source>
        <translation>Letzte &amp;Zustellungen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete webhook</source>
        <translation>Webhook löschen</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Letzte Antwort</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Recent deliveries</source>
        <translation>Letzte Zustellungen</translation>
    </message>
    <message>
        <source>New webhook</source>
        <translation>Neuer Webhook</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Events (none ticked: all):</source>
        <translation>&amp;Ereignisse (keines angehakt: alle):</translation>
    </message>
    <message>
        <source>&amp;Add webhook</source>
        <translation>Webhook &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Secret of the new webhook</source>
        <translation>Geheimnis des neuen Webhooks</translation>
    </message>
    <message>
        <source>&amp;Copy secret</source>
        <translation>Geheimnis &amp;kopieren</translation>
    </message>
    <message>
        <source>Secret (shown only now):</source>
        <translation>Geheimnis (nur jetzt sichtbar):</translation>
    </message>
    <message>
        <source>Secret copied to the clipboard.</source>
        <translation>Geheimnis in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Could not load the webhooks: %1</source>
        <translation>Die Webhooks konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Nothing is sent: the person who added it is no longer an owner of this board.</source>
        <translation>Es wird nichts gesendet: Die Person, die ihn hinzugefügt hat, ist nicht mehr Eigentümer dieses Boards.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>No webhooks yet. Add one below to have the server call a URL when this board changes.</source>
        <translation>Noch keine Webhooks. Fügen Sie unten einen hinzu, damit der Server eine URL aufruft, wenn sich dieses Board ändert.</translation>
    </message>
    <message>
        <source>Webhook added. Copy its secret now: it is not shown again.</source>
        <translation>Webhook hinzugefügt. Kopieren Sie jetzt sein Geheimnis: Es wird nicht noch einmal angezeigt.</translation>
    </message>
    <message>
        <source>Delete the webhook to %1? The server stops calling it.</source>
        <translation>Den Webhook an %1 löschen? Der Server ruft ihn dann nicht mehr auf.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Could not delete the webhook: %1</source>
        <translation>Der Webhook konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Webhook deleted.</source>
        <translation>Webhook gelöscht.</translation>
    </message>
    <message>
        <source>Could not load the deliveries: %1</source>
        <translation>Die Zustellungen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Nothing has been sent to this webhook yet.</source>
        <translation>An diesen Webhook wurde noch nichts gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>%n recent delivery(s).</source>
        <translation>
            <numerusform>%n letzte Zustellung.</numerusform>
            <numerusform>%n letzte Zustellungen.</numerusform>
        </translation>
    </message>
</context>
</TS>
