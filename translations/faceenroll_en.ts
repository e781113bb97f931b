<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Usage: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[options]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>--db PATH --user U [--status flagged]  enrollments, one per line (no biometric data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID --db PATH --user U  one enrollment&apos;s record (no biometric data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db PATH --admin NAME [--station NAME]  create an encrypted store; prints the recovery key once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add NAME --role ROLE | list | disable NAME | passwd [NAME]  --db PATH --user ACTOR  manage users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verify | list [--from SEQ] [--limit N]  --db PATH --user ACTOR  check or show the audit chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db PATH --user ACTOR [--now]  remove biometric data of receipted enrollments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db PATH --recovery-key-file F --new-admin NAME --new-password-file F  regain access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db PATH --user ACTOR  rotate the database key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list | set KEY VALUE  --db PATH --user ACTOR  station settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db PATH --user ACTOR  SQLCipher version, schema, counts, integrity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INPUT [--max-frames N] [--resize WxH] [--quality-profile NAME]  per-frame face analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMAGE [--quality-profile NAME]  face template of an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INPUT [--frames N] [--resize WxH] [--runs R]  tracked pipeline vs naive baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db PATH --user SUP --enrollment ID --decision approve|reject --reason TEXT  decide a flagged enrollment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAIRS.csv [--false-flags-per-1000 E] [--gallery-sizes LIST]  impostor tail, thresholds per gallery size, cohort scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db PATH --user SUP --out FILE --all-pending | --enrollment ID... | --bundle ID  write a signed, encrypted bundle for removable media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db PATH --user SUP FILE  check a bundle from another station and put it in the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db PATH --user SUP --url URL  send the outbox and the queue to the central service; record its receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE [--trust TRUSTLIST]  check a bundle&apos;s integrity and signature (no key needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set-central FILE | export-station-public [--out FILE]  --db PATH --user U  central key, station key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import FILE | list  --db PATH --user ADMIN  stations whose bundles this one relays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export --out FILE [--station ID] | import FILE  --db PATH --user SUP  hand receipts back to the stations whose bundles were relayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A B [--purpose document|duplicate] [--gallery-size N] [--threshold T]  compare the faces of two images or videos under the station&apos;s rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db PATH --user OP [--password-file FILE] [--lock-timeout S] --live VIDEO [--live-start S] [--live-seconds S] --id-photo IMAGE|VIDEO [--id-photo-frame N] --subject-file FILE|- | --name NAME --document-type T --document-number N --phone E164 [--date-of-birth DATE] [--region CC]  --consent yes|no [--notice-version V] [--language LANG] [--mode challenge|spontaneous] [--challenges LIST] [--quality-profile NAME] [--allow-low-quality] [--id-photo-override]  enroll a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INPUT [--mode challenge|spontaneous] [--challenges LIST] [--portrait OUT.jpg [--force]]  liveness verdict and portrait</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>faceenroll</name>
    <message>
        <source>FaceEnroll workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the demo camera: FILE (a video played in a loop, or an image), default the bundled franck.mp4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the live capture view for SECONDS and print its figures as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the station&apos;s database lives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en or zh_CN (default: as last chosen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--measure takes a number of seconds from 1 to 3600</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo camera file %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no demo video at %1; run scripts/fetch-assets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::Error</name>
    <message>
        <source>The live video %1 has no frames in the chosen window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no frame %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the pairs file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No face was found in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The landmark model %1 (from FACEENROLL_LANDMARK_MODEL) does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The landmark model %1 is missing. Install it with scripts/setup (Debian package libdlib-data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The asset %1 is missing. Fetch it with scripts/fetch-assets (or set FACEENROLL_ASSETS to the folder that holds it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s name is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document type and number are both needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is not a valid number; type it with its country code, e.g. +86.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator must confirm that the customer gave consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No face was found on the ID-document photo; capture it again, flat and well lit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No live frame passed the quality check (most often: %1); capture again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portrait is below the quality gate; capture again or confirm the override.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A review decision needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The liveness session has already finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibration needs both genuine and impostor pairs (got %1 and %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A template has %1 values; the gallery holds %2-value templates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A template holds a value that is not a finite number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A template is all zeros.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit rows are appended inside a write transaction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last audit row (%1) holds no valid hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 follows row %2: rows are missing or were inserted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 does not match its hash: it was changed after it was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database key must be %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setting the database key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build is linked against SQLite without SQLCipher; refusing to open %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 could not be switched to WAL mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rotating the database key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checkpointing the write-ahead log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full (%1; SQLite: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is damaged or was altered (%1; SQLite: %2); no data was returned from the damaged part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database files could not be read or written (%1; SQLite: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy: another FaceEnroll process is writing (%1; SQLite: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change conflicts with stored data (%1; SQLite: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database reported an error (%1; SQLite: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stored template has %1 values where %2 were recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stored template is not a whole number of float values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: %1 could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot lock %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is on a read-only file system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sync %1 to disk: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a temporary file beside %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot replace %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory %1 is on a read-only file system; the store must write its journal and key file there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory %1 is not writable (%2); the store must write its journal and key file there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Argon2id parameters out of range (passes %1, memory %2 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 is missing; without it the database cannot be opened (restore it from the backup taken with the database).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 is damaged (line %2 fails its checksum); restore it from a backup, or use the recovery key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 is empty or not a FaceEnroll key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment has no subject name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment needs a document type and number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment&apos;s phone number is not in E.164 form (+ and up to 15 digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment&apos;s consent must be attested by the operator, with the notice version and language shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment&apos;s portrait is not a JPEG image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment&apos;s face template needs values, a model id and a model version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment&apos;s ID-document photo is not a JPEG image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment&apos;s ID-document template needs values, a model id and a model version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment&apos;s liveness evidence holds a frame that is not a JPEG image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment has no liveness verdict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment has a flag without a code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user name has 2 to %1 characters: lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 was written by a newer FaceEnroll (schema version %2; this build knows up to %3). Update FaceEnroll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libsodium could not be initialised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password needs %1 to %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session has ended; log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session is locked; unlock it with the password of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session locked itself after %1 minute(s) without activity; unlock it with the password of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name %1 is taken (disabled accounts keep their name for the audit trail).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 is already disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 is the last active admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An enrollment is recorded under the logged-in operator; leave operatorId empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An enrollment made here belongs to this station; leave stationId empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An enrollment id must be a lower-case UUID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An enrollment with the id %1 exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no enrollment %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment %1 is not waiting for review (it is %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment %1 is in the upload state &quot;%2&quot;, which does not allow this step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A receipt needs the central service&apos;s receipt id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment %1 has already left the station (%2); erasure must go through the central service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Argon2id could not allocate %1 bytes; the machine is short of memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key slot holds an invalid public key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a recovery key: expected 64 hex digits (dashes and spaces allowed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preparing a statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binding a parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running a statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A statement that should return nothing returned a row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists already; FaceEnroll will not overwrite it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new database %1 has no header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 has no usable recovery slot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That recovery key does not open %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nested transactions are not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no FaceEnroll database at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong database for this key file: %1 was made for another database than %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key slot in %1 is damaged: the database key does not unwrap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 does not open with the key from %2: the database is damaged, or the key file belongs to another copy of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account %1 is locked after repeated failed logins; try again in %2 minute(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face detection needs an 8-bit grey image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The embedding model needs a 112x112 BGR crop; call alignForEmbedding() first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The embedding model returned an empty vector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates of different models or sizes cannot be compared (%1 vs %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot load the embedding model %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FrameAnalyzer needs a landmark model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A frame must be a non-empty 8-bit image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A frame must have 1, 3 or 4 channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the video %1: the file is not a video or is truncated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video %1 contains no decodable frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video %1 ends after %2 of its %3 frames: it is truncated or corrupt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is not a readable image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image %1 is %2x%3 px; at least %4x%4 px are needed to find a face.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 holds no images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the landmark model %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The landmark model %1 is not a 68-point dlib shape predictor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presentation-attack detection needs a BGR frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The presentation-attack model returned no classes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot load the presentation-attack model %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown quality profile &quot;%1&quot;; use icao, default, lowres or document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment is not complete: the ID photo or the live capture is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 of %2 is not &quot;a,b,label&quot; or &quot;a,b,label,identity_a,identity_b&quot; with label 0 or 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No face was found in %1 (frame %2) at the position given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1 is read as a %2, which the settings schema does not say it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no setting %1; did you mean %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no setting %1; the settings are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%2 is not allowed for the setting %1: it takes a whole number from %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%2 is not allowed for the setting %1: it takes a number from %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That value is not allowed for the setting %1: it takes %3 to %4 characters of text without control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%2 is not allowed for the setting %1: it takes one of %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1 is computed when it is not set; it is read with optionalReal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tail fit needs at least %1 impostor scores (got %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A target false match rate must lie between 0 and 1 (got %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The threshold curve holds no calibration points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 must be converted to the current encryption format, which needs %2 MB free beside it; %3 MB are free. Free some space and log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy of %1 in the current encryption format failed its check (%2); the database was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 is open in another program (an older FaceEnroll?), so it cannot be converted to the current encryption format. Close that program and log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database salt must be %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another FaceEnroll process kept %1 locked for more than %2 second(s) (a login, a password change or a key rotation); nothing was changed. Try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of %1 was set by an administrator and works only once: choose your own password before anything else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account %1 was disabled by an administrator: the session has ended and nothing more was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database key was rotated by another session, so this session was closed; log in again. Everything saved before is intact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a password of your own: the new password must differ from the one the administrator set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The station&apos;s signing key in the store is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A central key id is 32 hex digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A trust list names each station once, by UUID and with a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment %1 cannot go into a bundle: its upload state is &quot;%2&quot; (only queued, exported or uploaded ones can).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outbox holds a bundle %1 already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment %1 changed while its bundle was made; nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password was given (the password is empty); nothing was tried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password. After %1 failed attempts the account %2 is now locked for %3 minute(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: %1 could not be written. Free space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station has no central key, so it cannot seal bundles. An admin imports it with: faceenroll-cli keys set-central central.pub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to export: no enrollment is waiting, and none was named.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle is truncated: its header is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a FaceEnroll bundle (bad magic).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle has format version %1; this FaceEnroll reads version %2. Update FaceEnroll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle header is invalid (field %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle is sealed to central key %1; this station uploads to central key %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 in the bundle has an invalid length (%2 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle holds more records than the %1 its header announces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle&apos;s stream ends inside record %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle holds %1 records where its header announces %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle is truncated: it has %1 bytes where its header announces %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle has %1 unexpected bytes after its signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle comes from station %1, which is not in the trust list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle is signed with a key that the trust list does not hold for station %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle&apos;s signature does not verify: its header, chunk table or signature was altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle&apos;s sealed content key is damaged: it does not match its signed hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chunk %1 of %2 is out of place: it holds chunk %3 (chunks were swapped or moved).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chunk %1 of %2 is damaged: it does not match its signed hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle is sealed to central key %1; this receiver holds key %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle&apos;s content key does not open with the central key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chunk %1 of %2 does not decrypt: it was altered or belongs to another bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle&apos;s stream does not end with its last chunk (chunk %1 of %2 is tagged otherwise).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bundle needs UUIDs, the station&apos;s signing key, a central key id and a chunk size from 1 KiB to 1 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central service&apos;s public key is not a valid X25519 key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle %1 is already finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A record of %1 bytes does not fit in a bundle (at most %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle is truncated: it ends before its signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a FaceEnroll central key file (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is readable by other users; make it readable by its owner only (chmod 600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A record in the bundle is malformed (field %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt is malformed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt&apos;s signature does not verify with the central key %1; nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt names central key %1, not %2; nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust list line %1 needs a station id, a public key and a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust list line %1: the station id is not a UUID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust list line %1: the public key is not 64 hex digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust list line %1: the name must have 1 to 64 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust list line %1: the name holds a control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust list line %1: the station is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt is for bundle %1 of station %2, not for bundle %3; nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiver refused bundle %1 (%2); it stays in the outbox, marked rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiver could not be reached after %1 attempts (%2); the outbox keeps the bundles for the next upload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload URL must be an http:// or https:// address with a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown document type %1; use one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document number is not valid UTF-8 text; type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document number is far too long for a %1 (at most %2 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document number is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 number holds only the letters A to Z and digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 number holds only digits, and an X as its last character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 number has %2 characters; this one has %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 number has %2 to %3 characters; this one has %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document number does not hold a possible date of birth; check the digits %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document number&apos;s check character is wrong: a digit was mistyped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a valid %1 number; choose that document type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The override reason is too long (at most %1 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workflow has no match index; enrollments cannot be decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portrait&apos;s template (model %1) does not match the index&apos;s model %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID-document photo shows %1 faces; it must show only the document&apos;s photo. Capture the document alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID-document photo fails the document quality check (%1); capture it again, or keep it with the override (the enrollment is then reviewed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A review reason is text of at most %1 bytes (valid UTF-8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image processing failed (%1: %2). Nothing was stored; capture again, and report it if it repeats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory for %1. Nothing was stored; close other programs and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected error stopped %1 (%2). Nothing was stored; try again, and report it if it repeats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID-document photo is empty or too small (at least %1x%1 px of 8-bit colour are needed); capture it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID-document photo could not be encoded as JPEG; capture it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A live frame must be an 8-bit image of 1, 3 or 4 channels, at least %1x%1 px.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live frames must come in order: a timestamp went back in time or is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A match index needs the model id and template size; take them from the encoder (MatchIndex::specOf).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of enrolled faces is still loading; wait until it is ready, then save again. Nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s name is not valid UTF-8 text; type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s name is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s name holds a character that could not be read (U+FFFD); type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s name holds a control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s name holds an invisible formatting character (such as a text-direction override); type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s name has no letters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is not valid UTF-8 text; type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth is not a possible date (1900 to today).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth differs from the one the document number holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portrait could not be encoded as JPEG.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A liveness evidence frame could not be encoded as JPEG.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to enroll customers: operators enroll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to view the enrollments they made today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to view the station&apos;s enrollments: supervisors do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to compare a face with the enrolled faces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to review flagged enrollments: supervisors do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to export bundles: supervisors do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to import bundles: supervisors do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to upload to the central service: supervisors do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to erase enrollments: supervisors do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to purge biometric data: supervisors and admins do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to check the audit log and the store&apos;s integrity: supervisors and admins do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to manage users: admins do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to change the station&apos;s settings: admins do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to change the match thresholds: admins do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to change the station&apos;s keys: admins do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user %1 (role %2) is not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session of %1 was locked or ended; this background task stopped. Unlock the station to start it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A worker session cannot open another; open it from the session it belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder; give the station&apos;s database file in it (the file beside its .keys file, e.g. station.db).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a FaceEnroll database (it is not an encrypted database file); check the path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust list line %1 starts with &quot;{&quot; but is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image %1 is in a format FaceEnroll does not read (%2); give a JPEG or PNG file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image %1 is %2x%3 px (%4 megapixels); FaceEnroll reads images of up to %5 megapixels. Scale it down first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image %1 is %2x%3 px; %4 images are read up to %5 megapixels. Convert it to a baseline JPEG or a non-interlaced PNG, or scale it down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image %1 is truncated: the file ends before the picture does. Copy or export it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image %1 is corrupt: its picture data is damaged. Copy or export it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image file %1 is %2 MB; files in this format are read up to %3 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WebP decoder does not match its headers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image %1 is truncated or corrupt. Copy or export it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: permission denied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder; give an image or video file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a regular file (a pipe, device or socket); give an image or video file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liveness without prompts (spontaneous mode) is not allowed with this camera at this station; capture again in challenge mode.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::Outcome</name>
    <message>
        <source>The live face does not match the photo on the ID document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This face is already enrolled under another document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This phone number is already registered to another person&apos;s face.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ID document is already registered to another person&apos;s face.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person already holds the maximum number of phone numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The liveness check found signs of a photo, a screen or a mask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The liveness check could not decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator kept a portrait below the quality standard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator kept an ID-document photo below the quality standard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one face in the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face large enough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole face in the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face in the centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head not turned to the side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head not tilted up or down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head held straight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eyes open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouth closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture sharp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face neither too dark nor too bright</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face evenly lit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please look at the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the customer may be in the picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move closer to the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move back from the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move into the middle of the picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look straight at the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold your head straight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The face is too dark: turn towards the light.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The face is too bright: move out of the direct light.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please open your eyes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please close your mouth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold still.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good. Stay like this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No face was seen long enough to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than one face was in the picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The face left the picture during the check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The face was too dark to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check was not finished in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An instruction was not followed in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The face changed during the check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The face moved like a flat picture, not like a real head.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No natural blink was seen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No natural head movement was seen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The head turned the other way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture looks like a photo, a screen or a mask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible photo, screen or mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please blink.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowly turn your head to your left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowly turn your head to your right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please open your mouth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese resident identity card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National identity card of another country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liveness was checked without instructions, which cannot tell a recording from a person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer did something other than the instruction asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With instructions (challenge mode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without instructions (spontaneous mode, the weaker check)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::Settings</name>
    <message>
        <source>Days the biometric data of an enrollment is kept after the central service confirmed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes without activity after which a session locks itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name of this station, shown to its users and in exported bundles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest similarity between the live face and the ID-document photo (1:1) that counts as the same person. Not set: chosen from the shipped calibration for a false match rate of 1 in 10,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest similarity between the live face and an enrolled face (1:N) that counts as the same person. Not set: chosen for the gallery size and the accepted false duplicate flags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False duplicate flags per 1,000 enrollments the station accepts; the duplicate threshold follows from it and the number of enrolled faces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most enrolled faces recorded as candidates for one duplicate flag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers one person may hold before an enrollment is flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where liveness without prompts (spontaneous mode) may be used: never, demo_camera (the demo media only) or always (real cameras too; such enrollments are flagged for review).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::cli</name>
    <message>
        <source>missing argument; usage: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 takes a whole number from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 takes a number from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 takes a size like 640x480</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad frame reference &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live capture: a video (or a still, which will fail liveness).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds into the video where the live window starts (default 0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of the live window (default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region for a national phone number, e.g. CN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes or no: the customer&apos;s consent, attested by the operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version of the privacy notice shown (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the notice shown (default en).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liveness: challenge (default) or spontaneous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Challenges in order (default: random).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality profile: icao, default or lowres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the best portrait even below the quality gate (flagged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--consent takes yes or no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted, flagged (pending review), approved or rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--status takes accepted, flagged, approved or rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approve or reject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why (mandatory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--decision takes approve or reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--target-fmr takes rates between 0 and 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--mode takes challenge or spontaneous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown challenge &quot;%1&quot;; use blink, turn-left, turn-right, open-mouth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--challenges needs at least one challenge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A video, or a still image (shown for 5 s at 25 fps).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>challenge (default) or spontaneous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Challenges in order, e.g. blink,turn-left (default: random).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the random challenge draw (default: random).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read at most N frames.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--challenges applies to challenge mode only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no password: pass --password-file FILE or set FACEENROLL_PASSWORD (passwords are never taken on the command line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no new password: pass --new-password-file FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user who acts (logs in).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File holding that user&apos;s password (else FACEENROLL_PASSWORD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passwords are never taken on the command line; use --password-file FILE or FACEENROLL_PASSWORD (and --new-password-file FILE for a new one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a subcommand; run faceenroll-cli --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login name of the first admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File holding the admin&apos;s password (else FACEENROLL_PASSWORD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of this station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the recovery key down now: it is shown only once and stored nowhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login name of the new user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator, supervisor or admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File holding the new user&apos;s password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--role takes operator, supervisor or admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user to disable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user (default: the acting user).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File holding the new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown subcommand &quot;users %1&quot;; use add, list, disable or passwd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First row (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most N rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown subcommand &quot;audit %1&quot;; use verify or list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purge every receipted enrollment now, ignoring the retention period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File holding the recovery key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login name of the admin to create.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File holding the new admin&apos;s password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old recovery key no longer works. Write the new one down now: it is shown only once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its new value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown subcommand &quot;settings %1&quot;; use list or set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality profile: icao, default or lowres (default: default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A video, an image or a folder of images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after N frames.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale frames to WxH first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An image with one face.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An image or a video (its best-quality frame is used).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An image or a video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read at most N frames of a video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A video or image folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames to use (default 480).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repetitions; medians are reported (default 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: faceenroll-cli COMMAND [OPTIONS] ARGS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faceenroll-cli: unknown command &quot;%1&quot;; run faceenroll-cli --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad face position in &quot;%1&quot; (want @X:Y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows a,b,label[,identity_a,identity_b]: images, VIDEO#FRAME or IMAGE@X:Y, label 1 same person, 0 different.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target false match rates measured directly (default 0.01,0.001).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected false duplicate flags per 1,000 enrollments (default: the station default, 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery sizes of the duplicate table (default 1000,10000,100000,1000000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out the pairs of a face the detector does not find (listed) instead of stopping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--gallery-sizes takes whole numbers from 1 to 1000000000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty: write the password into the file (one line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait for another FaceEnroll process that holds the key file (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faceenroll-cli: waiting for another FaceEnroll process to finish with the store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password of %1 was set by an administrator and works only once: choose your own first (faceenroll-cli users passwd --db %2 --user %1 --new-password-file FILE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password works once: %1 chooses their own at the first login (faceenroll-cli users passwd).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a setting of this version; ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle file to write (must not exist).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every enrollment waiting for upload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An enrollment to export (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollments of an earlier bundle, exported again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose what to export: --all-pending, --enrollment ID... or --bundle ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central service&apos;s base URL (http:// or https://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tries per bundle before the run stops (default 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First retry delay ceiling in ms (default 500; doubles per try, with jitter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest retry delay in ms (default 30000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandon a request without progress after this long (default 60000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many enrollments per bundle (default 500).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the bundles the receiver refused before once more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A trust list: the station must be in it with the bundle&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central service&apos;s public key file (central.pub).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also append the trust-list line to this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown subcommand &quot;keys %1&quot;; use set-central or export-station-public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trust list: it replaces the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown subcommand &quot;trust %1&quot;; use import or list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipts file to write (must not exist).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the receipts for this station&apos;s bundles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A receipts file from the relaying station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown subcommand &quot;receipts %1&quot;; use export or import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document (1:1 against an ID photo, the default) or duplicate (as one comparison of the 1:N search).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For --purpose duplicate: the gallery size the threshold is chosen for (default 1000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fixed decision threshold on the cosine similarity instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--purpose takes document or duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--gallery-size goes with --purpose duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: faceenroll-cli %1 SUBCOMMAND [options]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subcommands (faceenroll-cli %1 SUBCOMMAND --help shows the options of one):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 was given more than once; give it once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: the file %2 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID-document photo: an image, or a video with --id-photo-frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the ID-document photo from this frame (0-based) of the --id-photo video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s name (visible in the process list: prefer --subject-file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cn_resident_id (Chinese resident identity card), passport, or national_id (another country&apos;s identity card).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document&apos;s number (visible in the process list: prefer --subject-file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number, E.164 (or national with --region; visible in the process list: prefer --subject-file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep an ID-document photo that fails the document quality check (flagged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date of birth takes a date like 1990-04-21</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: %2 exists already; choose another name, or add --force to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 writes a %2 file: give a name ending in .%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: %2 is a folder; give a file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: %2 is not a regular file; it is not replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs a video; %2 is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs a video (or an image); %2 is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: %2 is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: the file %2 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs a video to take a frame from; %2 is an image (leave out --%1-frame)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the chosen portrait JPEG to this new file, readable by you only (an export of biometric data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the --portrait file if it exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--force goes with --portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the subject file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the subject file %1 is larger than %2 KiB: it is not a subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the subject file %1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s details as a JSON object {&quot;name&quot;, &quot;document_type&quot;, &quot;document_number&quot;, &quot;phone&quot;, optional &quot;date_of_birth&quot; and &quot;region&quot;}, from FILE or from standard input for &quot;-&quot;. Recommended: unlike --name, --document-number and --phone it is not visible to other users in the process list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the subject file %1 is not a JSON object (%2 at byte %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the subject file %1 has an unknown key &quot;%2&quot;; the keys are name, document_type, document_number, phone, date_of_birth and region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the subject file %1, &quot;%2&quot; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 is given twice, in the subject file and as --%2; give it once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the subject file %1 has no &quot;%2&quot; (or pass --%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 is required (or give it as &quot;%2&quot; in --subject-file FILE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands that open the store log in as --user NAME with that user&apos;s password from --password-file FILE or the FACEENROLL_PASSWORD environment variable; passwords are never taken on the command line. While another FaceEnroll process holds the store they wait --lock-timeout SECONDS (default %1), then give up with exit status 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enroll: give the customer&apos;s details with --subject-file FILE (JSON) or --subject-file - (standard input) rather than --name, --document-number and --phone, which other users of this computer can read in the process list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output: one JSON object per line, the last one {&quot;summary&quot;: {...}} (after a failure {&quot;summary&quot;: {&quot;error&quot;: ...}}); exit status 0 when it ran, 2 for bad usage or input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faceenroll-cli COMMAND --help shows a command&apos;s options and an example.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the naive baseline: analysis and liveness only (for profilers such as callgrind).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::AttemptStrip</name>
    <message>
        <source>✓ Attempt %1 passed: live person, portrait taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>! Attempt %1: portrait taken, liveness not confirmed (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ Attempt %1 failed: no good portrait (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ %1 passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>! %1 not confirmed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::CameraPane</name>
    <message>
        <source>&amp;Camera:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::CameraPicker</name>
    <message>
        <source>Demo camera (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::CameraProblemBar</name>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the &amp;demo camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose another camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera found. Connect a camera and choose it, or use the demo camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo video cannot be played (%1). Run scripts/fetch-assets, or choose a camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera could not be started: it may be in use by another program. Close that program and try again, or choose another camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera stopped sending pictures. Check its cable and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera was disconnected. Plug it in again: the capture goes on by itself, and the enrollment so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This camera sends pictures in a format FaceEnroll cannot read (%1). Choose another camera or another format.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::CameraSetupPage</name>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the camera that faces the customer. The picture below is live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live picture of the chosen camera</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::CaptureView</name>
    <message>
        <source>Camera picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking the portrait: stay like this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking for natural movement: look at the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head pose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) left</source>
        <translation>
            <numerusform>%n second left</numerusform>
            <numerusform>%n seconds left</numerusform>
        </translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the camera…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capture %1 fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>analysis %1 fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latency p50 %1 ms, p95 %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::ChoosePasswordWidget</name>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the same password twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least %1 characters (a phrase of several words is best)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two entries match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, the password you logged in with was set by an administrator and works only once. Choose your own to go on; only you will know it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out without choosing a password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::ConsentPage</name>
    <message>
        <source>Privacy notice, version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the customer this notice, or read it to them. Go on only when they agree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer has read the notice and &amp;agrees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer agrees to the privacy notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer &amp;refuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer refuses: end the enrollment, nothing is stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::CustomerPage</name>
    <message>
        <source>Valid number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the details exactly as they are on the customer&apos;s identity document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document n&amp;umber:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::EnrollmentController</name>
    <message>
        <source>Type the customer&apos;s name as on the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the document number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document number is too long (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the customer&apos;s phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid phone number. Type it with its country code, e.g. +86.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid phone number. Type a %1 number, or any number with its country code (e.g. +86).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no picture to check yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the enrolled faces was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::EnrollmentWizard</name>
    <message>
        <source>Cancel the enrollment?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s data typed and captured so far will be discarded. Nothing is stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New enrollment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the enrollment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the enrollment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::FirstRunWizard</name>
    <message>
        <source>Set up FaceEnroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::HomeWidget</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New enrollment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new enrollment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrators manage users and station settings with faceenroll-cli for now; their screens come with the next version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loc&amp;k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the station (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment %1 saved and accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment %1 saved. It is flagged: a supervisor will review it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer refused consent. Nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment was cancelled. Nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment in progress was discarded when the station locked. Nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your enrollments today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enrollments today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet exported or uploaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::IdPhotoPage</name>
    <message>
        <source>Import the ID photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing face analysis…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the document photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no camera picture yet. Wait for the picture, or import an image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several faces were found on this picture. Show only the document&apos;s photo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No face was found on this picture. Hold the document flat and well lit, then capture again (or import a better image).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face found on the document; all %1 quality measures pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold the photo page of the document up to the camera and capture it, or import a scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;pture document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture the document photo from the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the document photo from an image file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this document photo and capture again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera picture of the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the enrolled faces… %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the enrolled faces…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face found on the document. %1 of %2 quality measures pass (%3): retake it, or keep it anyway with a reason (the enrollment is then reviewed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep this ID photo anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this ID photo although it fails the quality check; a supervisor reviews the enrollment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this photo (e.g. the document&apos;s photo is worn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for keeping this ID photo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::LanguageComboBox</name>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::LiveCapturePage</name>
    <message>
        <source>No attempt saw a face at all, so there is nothing to keep. Try again or cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing face analysis… the capture starts by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capturing: the portrait is taken automatically when the check is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capturing: ask the customer to follow the prompts on the picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the camera… the capture goes on when pictures come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A portrait was taken, but liveness was not confirmed. Try again, or continue: a supervisor will review the enrollment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) failed. Try again, continue with an override, or cancel the enrollment.</source>
        <translation>
            <numerusform>%n attempt failed. Try again, continue with an override, or cancel the enrollment.</numerusform>
            <numerusform>%n attempts failed. Try again, continue with an override, or cancel the enrollment.</numerusform>
        </translation>
    </message>
    <message>
        <source>The attempt failed. Help the customer follow the guidance, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing face analysis…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer looks at the camera. Guidance and prompts appear on the picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;landmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the face landmarks on the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new capture attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue for &amp;review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this portrait; a supervisor reviews the liveness result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue with &amp;override…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the best portrait below the quality standard, with a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live camera picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture stopped: try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portrait taken: done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liveness not confirmed: try again, or continue for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt failed: %1. Try again, override or cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt failed: %1. Try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::LoginWidget</name>
    <message>
        <source>Type your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password of %1 to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FaceEnroll workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FaceEnroll workstation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Switch user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out the locked user and log in as someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::MainWindow</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station %1 · %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO camera: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FaceEnroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show capture figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New enrollment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::MeasureMode</name>
    <message>
        <source>Preparing face analysis…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::OverrideDialog</name>
    <message>
        <source>Continue with a portrait below the standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) failed to take a portrait that meets the quality standard. You may keep the best picture taken, but the enrollment will be flagged and a supervisor will review it. Say why (for example: the customer cannot hold their head still).</source>
        <translation>
            <numerusform>%n attempt failed to take a portrait that meets the quality standard. You may keep the best picture taken, but the enrollment will be flagged and a supervisor will review it. Say why (for example: the customer cannot hold their head still).</numerusform>
            <numerusform>%n attempts failed to take a portrait that meets the quality standard. You may keep the best picture taken, but the enrollment will be flagged and a supervisor will review it. Say why (for example: the customer cannot hold their head still).</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue with &amp;override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::RecoveryKeyPage</name>
    <message>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write this key down and keep it locked away. It is shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If every administrator password is lost, this key is the only way back into the station&apos;s data. FaceEnroll does not keep a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have &amp;saved the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type its last group again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last group of the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::ResultPage</name>
    <message>
        <source>Live portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face on the ID document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Face vs ID photo:&lt;/b&gt; similarity %1, threshold %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ same person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ not the same person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Liveness:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Flags:&lt;/b&gt; none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Flags:&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason given: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;! Flagged.&lt;/b&gt; Save it: a supervisor will review this enrollment before it is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;✓ All checks passed.&lt;/b&gt; Save the enrollment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrollment was not saved: %1 Nothing is lost: try Save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the portrait against the ID photo, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::StationSetupPage</name>
    <message>
        <source>Give the station a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the same password twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password: at least %1 characters (a phrase of several words is best)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two entries match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up this station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the station and create its administrator. The administrator adds the operators and supervisors later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Station name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Administrator user name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the administrator password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Shop 12, counter 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create station</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fe::ui::UiText</name>
    <message>
        <source>Something went wrong inside FaceEnroll (%1). Nothing was saved; try again, and tell your administrator if it happens again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for the document photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the document&apos;s photo page to the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the document: one face in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold the document closer to the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold the document a little further away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the document to the middle of the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold the document flat and straight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo on the document is hard to read; try another angle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture is blurred: hold the document still</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too dark: give the document more light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too bright: tilt the document away from the glare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uneven light: avoid shadows and glare on the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold the document still</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good: capture the document now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for a face…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No face in view: the customer should face the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several faces in view: only the customer should be in the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move closer to the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move back a little</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move into the middle of the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look straight at the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep your head upright</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open your eyes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close your mouth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture is blurred: hold still</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too dark: more light on the face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too bright: less light on the face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uneven light: light the face from the front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold still</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good: stay like this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eyes open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouth closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Even light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>several faces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>face too small</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head cut off by the edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the middle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head turned sideways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head tilted up or down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head tilted to the side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eyes closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mouth open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blurred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too bright</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uneven light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similarity %1, threshold %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers held: %1, maximum %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passive liveness score %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not centred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head turned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head tilted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no good frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>face lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too slow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prompt not followed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>face changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flat picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no blink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no head movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looks like a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>possible spoof</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undecided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other movement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
