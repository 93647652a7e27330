<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AboutSection</name>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <source>Companion, version %1</source>
        <translation>Companion, versión %1</translation>
    </message>
    <message>
        <source>Companion</source>
        <translation>Companion</translation>
    </message>
    <message>
        <source>Your encrypted profile is stored in this folder:</source>
        <translation>Su perfil cifrado se guarda en esta carpeta:</translation>
    </message>
    <message>
        <source>Profile folder</source>
        <translation>Carpeta del perfil</translation>
    </message>
    <message>
        <source>Companion supports your care; it does not replace advice from your care team. In an emergency, call your local emergency number.</source>
        <translation>Companion acompaña su tratamiento; no sustituye los consejos de su equipo de atención. En una emergencia, llame al número de emergencias de su zona.</translation>
    </message>
</context>
<context>
    <name>AddAppointmentCard</name>
    <message>
        <source>Add another infusion</source>
        <translation>Añadir otra infusión</translation>
    </message>
    <message>
        <source>Add your next infusion</source>
        <translation>Añada su próxima infusión</translation>
    </message>
    <message>
        <source>Add infusion</source>
        <translation>Añadir infusión</translation>
    </message>
</context>
<context>
    <name>AppDialog</name>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>AppListPage</name>
    <message>
        <source>Scroll this page</source>
        <translation>Desplazar esta página</translation>
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Diary</source>
        <translation>Diario</translation>
    </message>
    <message>
        <source>Prepare</source>
        <translation>Preparar</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>Aprender</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Cuaderno</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
</context>
<context>
    <name>AppearanceSection</name>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Match system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Theme: %1</source>
        <translation>Tema: %1</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Text size: %1 %</source>
        <translation>Tamaño del texto: %1 %</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>From 100 to 200 percent</source>
        <translation>De 100 a 200 por ciento</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>This is how text will look across Companion.</source>
        <translation>Así se verá el texto en todo Companion.</translation>
    </message>
</context>
<context>
    <name>AppointmentCard</name>
    <message>
        <source>No infusion planned yet</source>
        <translation>Aún no hay ninguna infusión planificada</translation>
    </message>
    <message>
        <source>Add your next infusion below. Companion then builds your preparation checklist from your clinic&apos;s instructions and reminds you in time.</source>
        <translation>Añada abajo su próxima infusión. Companion preparará entonces su lista de preparación a partir de las instrucciones de su clínica y se lo recordará a tiempo.</translation>
    </message>
    <message>
        <source>%1 (cancelled)</source>
        <translation>%1 (cancelada)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Cambiar fecha</translation>
    </message>
    <message>
        <source>Cancel this appointment</source>
        <translation>Cancelar esta cita</translation>
    </message>
    <message>
        <source>Save new time</source>
        <translation>Guardar la nueva hora</translation>
    </message>
    <message>
        <source>Keep the time</source>
        <translation>Mantener la hora</translation>
    </message>
    <message>
        <source>Your clinic booked this appointment. To move or cancel it, contact your clinic.</source>
        <translation>Su clínica programó esta cita. Para cambiarla o cancelarla, contacte con su clínica.</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>Back to all articles</source>
        <translation>Volver a todos los artículos</translation>
    </message>
    <message>
        <source>From your clinic</source>
        <translation>De su clínica</translation>
    </message>
    <message>
        <source>This article is not translated yet, so it is shown in English.</source>
        <translation>Este artículo aún no está traducido, por eso se muestra en inglés.</translation>
    </message>
    <message>
        <source>You passed this check</source>
        <translation>Ha superado esta comprobación</translation>
    </message>
    <message>
        <source>Check what you learned</source>
        <translation>Compruebe lo que ha aprendido</translation>
    </message>
    <message>
        <source>A few short questions, so you and your clinic know the key points are clear before your first infusion.</source>
        <translation>Unas pocas preguntas breves, para que usted y su clínica sepan que los puntos clave están claros antes de su primera infusión.</translation>
    </message>
    <message>
        <source>Take it again</source>
        <translation>Volver a hacerla</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
</context>
<context>
    <name>AutoLockChooser</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>Lock automatically after</source>
        <translation>Bloquear automáticamente tras</translation>
    </message>
</context>
<context>
    <name>BloodPressureQuestion</name>
    <message>
        <source>e.g. 120</source>
        <translation>p. ej., 120</translation>
    </message>
    <message>
        <source>Systolic (upper number)</source>
        <translation>Sistólica (número de arriba)</translation>
    </message>
    <message>
        <source>e.g. 80</source>
        <translation>p. ej., 80</translation>
    </message>
    <message>
        <source>Diastolic (lower number)</source>
        <translation>Diastólica (número de abajo)</translation>
    </message>
</context>
<context>
    <name>BottomNavigation</name>
    <message>
        <source>Main navigation</source>
        <translation>Navegación principal</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Frase de contraseña actual</translation>
    </message>
    <message>
        <source>Changing passphrase</source>
        <translation>Cambiando la frase de contraseña</translation>
    </message>
</context>
<context>
    <name>ChecklistCard</name>
    <message>
        <source>Preparation checklist</source>
        <translation>Lista de preparación</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 · overdue</source>
        <translation>%1 · vencido</translation>
    </message>
</context>
<context>
    <name>ClinicActivityCard</name>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Who read what, and my devices</source>
        <translation>Quién leyó qué, y mis dispositivos</translation>
    </message>
    <message>
        <source>On your other device, connect with this code within an hour: %1</source>
        <translation>En su otro dispositivo, conéctese con este código antes de una hora: %1</translation>
    </message>
    <message>
        <source>Add another device with a QR code</source>
        <translation>Añadir otro dispositivo con un código QR</translation>
    </message>
    <message>
        <source>Add another device with a typed code</source>
        <translation>Añadir otro dispositivo con un código escrito</translation>
    </message>
    <message>
        <source>New data recovery key</source>
        <translation>Nueva clave de recuperación de datos</translation>
    </message>
    <message>
        <source>Makes a new key for your synced data and shows it once; the old one stops working</source>
        <translation>Crea una clave nueva para sus datos sincronizados y la muestra una vez; la anterior deja de funcionar</translation>
    </message>
</context>
<context>
    <name>ClinicEnrolForm</name>
    <message>
        <source>Your clinic gives you a server address and a one-time code. Everything is encrypted on this device before it is sent; the clinic&apos;s server cannot read it.</source>
        <translation>Su clínica le da una dirección de servidor y un código de un solo uso. Todo se cifra en este dispositivo antes de enviarse; el servidor de la clínica no puede leerlo.</translation>
    </message>
    <message>
        <source>Server address, e.g. https://clinic.example</source>
        <translation>Dirección del servidor, p. ej. https://clinica.ejemplo</translation>
    </message>
    <message>
        <source>Clinic server address</source>
        <translation>Dirección del servidor de la clínica</translation>
    </message>
    <message>
        <source>Code, e.g. ABCD-EFGH-JKMN-PQRS-TVWX</source>
        <translation>Código, p. ej. ABCD-EFGH-JKMN-PQRS-TVWX</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Código de alta</translation>
    </message>
    <message>
        <source>Clinic key fingerprint (printed with the code)</source>
        <translation>Huella de la clave de la clínica (impresa junto al código)</translation>
    </message>
    <message>
        <source>Clinic key fingerprint</source>
        <translation>Huella de la clave de la clínica</translation>
    </message>
    <message>
        <source>Your passphrase, to confirm</source>
        <translation>Su frase de contraseña, para confirmar</translation>
    </message>
    <message>
        <source>Connect to my clinic</source>
        <translation>Conectar con mi clínica</translation>
    </message>
    <message>
        <source>Scan a QR code</source>
        <translation>Escanear un código QR</translation>
    </message>
    <message>
        <source>Scan a QR code from your clinic or your other device</source>
        <translation>Escanear un código QR de su clínica o de su otro dispositivo</translation>
    </message>
    <message>
        <source>Code from your other device read. This device will open your data without that device&apos;s passphrase.</source>
        <translation>Se leyó el código de su otro dispositivo. Este dispositivo abrirá sus datos sin la frase de contraseña de aquel.</translation>
    </message>
</context>
<context>
    <name>ClinicMessagesCard</name>
    <message>
        <source>Messages from your care team</source>
        <translation>Mensajes de su equipo de atención</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>Todavía no hay mensajes.</translation>
    </message>
</context>
<context>
    <name>ClinicSection</name>
    <message>
        <source>Your clinic</source>
        <translation>Su clínica</translation>
    </message>
</context>
<context>
    <name>ClinicSharingCard</name>
    <message>
        <source>Shared with your care team</source>
        <translation>Compartido con su equipo de atención</translation>
    </message>
    <message>
        <source>Daily check-ins</source>
        <translation>Registros diarios</translation>
    </message>
    <message>
        <source>Questionnaires (PHQ-9, GAD-7, PCL-5, PEG, pain)</source>
        <translation>Cuestionarios (PHQ-9, GAD-7, PCL-5, PEG, dolor)</translation>
    </message>
    <message>
        <source>After-infusion checks</source>
        <translation>Controles tras la infusión</translation>
    </message>
    <message>
        <source>Preparation and ride home</source>
        <translation>Preparación y regreso a casa</translation>
    </message>
    <message>
        <source>All journal entries (or choose per entry when you write)</source>
        <translation>Todas las entradas del cuaderno (o elija en cada entrada al escribirla)</translation>
    </message>
    <message>
        <source>Crisis-help events</source>
        <translation>Momentos en que pidió ayuda en crisis</translation>
    </message>
    <message>
        <source>Turning sharing off stops your care team from reading these entries from now on. What they have already read cannot be taken back.</source>
        <translation>Si deja de compartir, su equipo de atención no podrá leer estas entradas a partir de ahora. Lo que ya hayan leído no se puede retirar.</translation>
    </message>
</context>
<context>
    <name>ComingSoonCard</name>
    <message>
        <source>Coming in a later release</source>
        <translation>Llegará en una versión posterior</translation>
    </message>
</context>
<context>
    <name>ConflictCard</name>
    <message>
        <source>%1, edited on two devices</source>
        <translation>%1, editado en dos dispositivos</translation>
    </message>
    <message>
        <source>Keep the version saved on this device</source>
        <translation>Conservar la versión guardada en este dispositivo</translation>
    </message>
    <message>
        <source>Keep the version from your other device</source>
        <translation>Conservar la versión de su otro dispositivo</translation>
    </message>
</context>
<context>
    <name>ConflictChooser</name>
    <message>
        <source>Edited on two devices at once</source>
        <translation>Editado en dos dispositivos a la vez</translation>
    </message>
    <message>
        <source>Both versions are kept until you choose. The one you keep goes to your other devices too; the other one is removed.</source>
        <translation>Se conservan ambas versiones hasta que usted elija. La que conserve también pasa a sus otros dispositivos; la otra se elimina.</translation>
    </message>
</context>
<context>
    <name>ConflictSummary</name>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Cuestionario</translation>
    </message>
    <message>
        <source>Journal entry</source>
        <translation>Entrada del cuaderno</translation>
    </message>
    <message>
        <source>Journal: %1</source>
        <translation>Cuaderno: %1</translation>
    </message>
    <message>
        <source>Shared with your care team</source>
        <translation>Compartido con su equipo de atención</translation>
    </message>
    <message>
        <source>Only on your devices</source>
        <translation>Solo en sus dispositivos</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>%1, cancelled</source>
        <translation>%1, cancelada</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n minute(s)</source>
        <translation>
            <numerusform>%1, %n minuto</numerusform>
            <numerusform>%1, %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>Preparation checklist</source>
        <translation>Lista de preparación</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) ticked</source>
        <translation>
            <numerusform>%n elemento marcado</numerusform>
            <numerusform>%n elementos marcados</numerusform>
        </translation>
    </message>
    <message>
        <source>Ride home</source>
        <translation>Regreso a casa</translation>
    </message>
    <message>
        <source>Pickup %1</source>
        <translation>Recogida: %1</translation>
    </message>
    <message>
        <source>No pickup time</source>
        <translation>Sin hora de recogida</translation>
    </message>
    <message>
        <source>%1, confirmed</source>
        <translation>%1, confirmado</translation>
    </message>
    <message>
        <source>Morning check</source>
        <translation>Control de la mañana</translation>
    </message>
    <message>
        <source>Slept: %1. Clear-headed: %2.</source>
        <translation>Ha dormido: %1. Mente despejada: %2.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminada</translation>
    </message>
    <message>
        <source>Deleted on your other device, %1</source>
        <translation>Eliminada en su otro dispositivo, %1</translation>
    </message>
    <message>
        <source>Saved on your other device, %1</source>
        <translation>Guardada en su otro dispositivo, %1</translation>
    </message>
    <message>
        <source>This entry is no longer on this device.</source>
        <translation>Esta entrada ya no está en este dispositivo.</translation>
    </message>
    <message>
        <source>On your other device</source>
        <translation>En su otro dispositivo</translation>
    </message>
    <message>
        <source>Deleted on this device, %1</source>
        <translation>Eliminada en este dispositivo, %1</translation>
    </message>
    <message>
        <source>Saved on this device, %1</source>
        <translation>Guardada en este dispositivo, %1</translation>
    </message>
</context>
<context>
    <name>ConflictVersion</name>
    <message>
        <source>Keep this one</source>
        <translation>Conservar esta</translation>
    </message>
</context>
<context>
    <name>CreateProfilePage</name>
    <message>
        <source>Welcome to Companion</source>
        <translation>Le damos la bienvenida a Companion</translation>
    </message>
    <message>
        <source>Companion keeps what you write encrypted on this device. Choose a passphrase to protect it. A few unrelated words are easy to remember and hard to guess.</source>
        <translation>Companion guarda cifrado en este dispositivo todo lo que usted escribe. Elija una frase de contraseña para protegerlo. Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>There is no reset without your recovery key</source>
        <translation>Sin su clave de recuperación no hay forma de restablecerla</translation>
    </message>
    <message>
        <source>Nobody, not us and not your clinic, can look up or reset your passphrase. Next you will get a recovery key: keep it somewhere safe. Without the passphrase or the recovery key, your data cannot be opened.</source>
        <translation>Nadie, ni nosotros ni su clínica, puede consultar ni restablecer su frase de contraseña. A continuación recibirá una clave de recuperación: guárdela en un lugar seguro. Sin la frase de contraseña o la clave de recuperación, sus datos no se pueden abrir.</translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation>Crear perfil</translation>
    </message>
    <message>
        <source>Creating your profile</source>
        <translation>Creando su perfil</translation>
    </message>
</context>
<context>
    <name>CrisisCallButton</name>
    <message>
        <source>Opens your messaging app</source>
        <translation>Abre su aplicación de mensajes</translation>
    </message>
    <message>
        <source>Opens your phone app to call</source>
        <translation>Abre la aplicación de teléfono para llamar</translation>
    </message>
</context>
<context>
    <name>CrisisFooter</name>
    <message>
        <source>I&apos;m not safe right now — get help now</source>
        <translation>No me siento a salvo ahora mismo: pedir ayuda</translation>
    </message>
    <message>
        <source>Shows crisis lines and emergency numbers</source>
        <translation>Muestra líneas de crisis y números de emergencia</translation>
    </message>
</context>
<context>
    <name>CrisisHelpPage</name>
    <message>
        <source>Get help now</source>
        <translation>Pedir ayuda ahora</translation>
    </message>
    <message>
        <source>You told us you have had thoughts of being better off dead or of hurting yourself. You deserve help right now, and you do not have to wait.</source>
        <translation>Nos ha dicho que ha tenido pensamientos de que estaría mejor muerto(a) o de hacerse daño. Usted merece ayuda ahora mismo, y no tiene que esperar.</translation>
    </message>
    <message>
        <source>You don&apos;t have to handle this alone. Reaching out right now is the right thing to do.</source>
        <translation>No tiene que pasar por esto a solas. Pedir ayuda ahora es lo correcto.</translation>
    </message>
    <message>
        <source>Tell my clinic now</source>
        <translation>Avisar a mi clínica ahora</translation>
    </message>
    <message>
        <source>Sends an urgent flag to your care team the next time this device connects.</source>
        <translation>Envía un aviso urgente a su equipo de atención la próxima vez que este dispositivo se conecte.</translation>
    </message>
    <message>
        <source>Your clinic has not switched on alerts from Companion. This records the moment in your diary so you can talk about it; please also call.</source>
        <translation>Su clínica no ha activado los avisos de Companion. Esto deja constancia del momento en su diario para que puedan hablarlo; por favor, llame también.</translation>
    </message>
    <message>
        <source>If this device cannot place calls, dial the number from any phone.</source>
        <translation>Si este dispositivo no puede hacer llamadas, marque el número desde cualquier teléfono.</translation>
    </message>
</context>
<context>
    <name>CrisisNumberCard</name>
    <message>
        <source>If you are in immediate danger, call %1 now.</source>
        <translation>Si está en peligro inmediato, llame ahora al %1.</translation>
    </message>
    <message>
        <source>Call %1. It is free and confidential.</source>
        <translation>Llame al %1. Es gratuito y confidencial.</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Llamar al %1</translation>
    </message>
    <message>
        <source>Text %1</source>
        <translation>Enviar un mensaje al %1</translation>
    </message>
</context>
<context>
    <name>CrisisNumbers</name>
    <message>
        <source>988 Suicide &amp; Crisis Lifeline (call or text)</source>
        <translation>988 Línea de Prevención del Suicidio y Crisis (llamada o mensaje de texto)</translation>
    </message>
    <message>
        <source>Samaritans (free, any time)</source>
        <translation>Samaritans (gratuita, a cualquier hora)</translation>
    </message>
    <message>
        <source>024 Suicidal behaviour helpline (free, any time)</source>
        <translation>024 Línea de atención a la conducta suicida (gratuita, a cualquier hora)</translation>
    </message>
    <message>
        <source>Línea de la Vida (free, any time)</source>
        <translation>Línea de la Vida (gratuita, a cualquier hora)</translation>
    </message>
    <message>
        <source>Lifeline (any time)</source>
        <translation>Lifeline (a cualquier hora)</translation>
    </message>
    <message>
        <source>TelefonSeelsorge (free, any time)</source>
        <translation>TelefonSeelsorge (gratuita, a cualquier hora)</translation>
    </message>
    <message>
        <source>3114 Suicide prevention line (free, any time)</source>
        <translation>3114 Línea de prevención del suicidio (gratuita, a cualquier hora)</translation>
    </message>
    <message>
        <source>Emergency services</source>
        <translation>Servicios de emergencia</translation>
    </message>
</context>
<context>
    <name>DamagedProfilePage</name>
    <message>
        <source>Your profile could not be opened safely</source>
        <translation>Su perfil no se pudo abrir de forma segura</translation>
    </message>
    <message>
        <source>Companion checks your encrypted profile every time it opens. This time the check failed: the files may be damaged, or someone may have changed them.</source>
        <translation>Companion comprueba su perfil cifrado cada vez que lo abre. Esta vez la comprobación ha fallado: puede que los archivos estén dañados o que alguien los haya modificado.</translation>
    </message>
    <message>
        <source>Nothing was changed or repaired. The files are exactly as they were found.</source>
        <translation>No se ha cambiado ni reparado nada. Los archivos están exactamente como se encontraron.</translation>
    </message>
    <message>
        <source>Where the files are</source>
        <translation>Dónde están los archivos</translation>
    </message>
    <message>
        <source>Profile folder</source>
        <translation>Carpeta del perfil</translation>
    </message>
    <message>
        <source>What you can do</source>
        <translation>Qué puede hacer</translation>
    </message>
    <message>
        <source>Try my passphrase again</source>
        <translation>Volver a probar mi frase de contraseña</translation>
    </message>
    <message>
        <source>Use my recovery key</source>
        <translation>Usar mi clave de recuperación</translation>
    </message>
    <message>
        <source>You can also contact your clinic. They can help you decide what to do next, for example restoring from a backup or starting a fresh profile. Keep the folder above as it is until then.</source>
        <translation>También puede ponerse en contacto con su clínica. Pueden ayudarle a decidir qué hacer, por ejemplo restaurar una copia de seguridad o empezar un perfil nuevo. Hasta entonces, deje la carpeta de arriba tal como está.</translation>
    </message>
</context>
<context>
    <name>DateTimeFields</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Date, as year-month-day</source>
        <translation>Fecha, como año-mes-día</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>Time, as hours and minutes</source>
        <translation>Hora, en horas y minutos</translation>
    </message>
</context>
<context>
    <name>DeleteDiaryEntryDialog</name>
    <message>
        <source>Delete this entry?</source>
        <translation>¿Eliminar esta entrada?</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Eliminar entrada</translation>
    </message>
    <message>
        <source>It disappears from your diary and your charts. The deletion is recorded in your encrypted profile on this device, where earlier versions are kept.</source>
        <translation>Desaparecerá de su diario y de sus gráficos. La eliminación queda registrada en su perfil cifrado en este dispositivo, donde se conservan las versiones anteriores.</translation>
    </message>
</context>
<context>
    <name>DeleteEverythingDialog</name>
    <message>
        <source>Delete everything?</source>
        <translation>¿Borrar todo?</translation>
    </message>
    <message>
        <source>Delete everything</source>
        <translation>Borrar todo</translation>
    </message>
    <message>
        <source>Everything in Companion on this device and at your clinic&apos;s server is deleted for good. Then Companion starts as new.</source>
        <translation>Todo lo que Companion guarda en este dispositivo y en el servidor de su clínica se borra para siempre. Después, Companion empieza de nuevo.</translation>
    </message>
    <message>
        <source>Type %1 to confirm.</source>
        <translation>Escriba %1 para confirmar.</translation>
    </message>
    <message>
        <source>Confirmation word</source>
        <translation>Palabra de confirmación</translation>
    </message>
    <message>
        <source>Only this device (keep the clinic&apos;s copy)</source>
        <translation>Solo este dispositivo (conservar la copia de la clínica)</translation>
    </message>
</context>
<context>
    <name>DeleteEverythingSection</name>
    <message>
        <source>Delete everything</source>
        <translation>Borrar todo</translation>
    </message>
    <message>
        <source>This deletes your entries, journal, plans and settings from this device, and, if you are connected to a clinic, everything this app sent to the clinic&apos;s server together with the keys that open it. It cannot be undone.</source>
        <translation>Esto borra sus registros, su cuaderno, sus planes y sus ajustes de este dispositivo y, si está conectado a una clínica, todo lo que esta aplicación envió al servidor de la clínica junto con las claves que lo abren. No se puede deshacer.</translation>
    </message>
    <message>
        <source>By law, your clinic keeps its log of who read or changed what and when (it holds no entry text), and its own clinical records about you, which are kept outside this app.</source>
        <translation>Por ley, su clínica conserva su registro de quién leyó o cambió qué y cuándo (no contiene el texto de sus registros) y su propia historia clínica sobre usted, que se guarda fuera de esta aplicación.</translation>
    </message>
    <message>
        <source>To keep a copy, export your data first (companion-cli export --format json).</source>
        <translation>Para conservar una copia, exporte antes sus datos (companion-cli export --format json).</translation>
    </message>
    <message>
        <source>Delete everything…</source>
        <translation>Borrar todo…</translation>
    </message>
    <message>
        <source>Asks for confirmation first</source>
        <translation>Pide confirmación antes</translation>
    </message>
</context>
<context>
    <name>DeleteJournalEntryDialog</name>
    <message>
        <source>Delete this entry?</source>
        <translation>¿Eliminar esta entrada?</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Eliminar entrada</translation>
    </message>
    <message>
        <source>It disappears from your journal. Like every change, the deletion is recorded in your encrypted profile on this device, where earlier versions are kept.</source>
        <translation>Desaparecerá de su cuaderno. Como cualquier cambio, la eliminación queda registrada en su perfil cifrado en este dispositivo, donde se conservan las versiones anteriores.</translation>
    </message>
</context>
<context>
    <name>DeviceLinkCard</name>
    <message>
        <source>QR code for your new device</source>
        <translation>Código QR para su nuevo dispositivo</translation>
    </message>
    <message>
        <source>Remove that device</source>
        <translation>Retirar ese dispositivo</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Done: close the QR code</source>
        <translation>Hecho: cerrar el código QR</translation>
    </message>
</context>
<context>
    <name>DiaryEditor</name>
    <message>
        <source>One question per screen, larger buttons (low-energy mode)</source>
        <translation>Una pregunta por pantalla, botones más grandes (modo de poca energía)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Finish later</source>
        <translation>Terminar más tarde</translation>
    </message>
    <message>
        <source>Keeps what you entered as a draft on this device</source>
        <translation>Guarda lo que ha escrito como borrador en este dispositivo</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Cancelar la edición</translation>
    </message>
</context>
<context>
    <name>DiaryEntryItem</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 · %2 · edited</source>
        <translation>%1 · %2 · editado</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Edit this %1</source>
        <translation>Editar: %1</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete this %1</source>
        <translation>Eliminar: %1</translation>
    </message>
</context>
<context>
    <name>DiaryForm</name>
    <message>
        <source>none</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>leve</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderado</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>intenso</translation>
    </message>
    <message>
        <source>Nausea</source>
        <translation>Náuseas</translation>
    </message>
    <message>
        <source>Dizziness</source>
        <translation>Mareo</translation>
    </message>
    <message>
        <source>Headache</source>
        <translation>Dolor de cabeza</translation>
    </message>
    <message>
        <source>Feeling detached or unreal</source>
        <translation>Sensación de desconexión o de irrealidad</translation>
    </message>
    <message>
        <source>Bladder discomfort</source>
        <translation>Molestias en la vejiga</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Estado de ánimo</translation>
    </message>
    <message>
        <source>Very low</source>
        <translation>Muy bajo</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>Muy bueno</translation>
    </message>
    <message>
        <source>Anxiety</source>
        <translation>Ansiedad</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Extreme</source>
        <translation>Extrema</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Dolor</translation>
    </message>
    <message>
        <source>No pain</source>
        <translation>Sin dolor</translation>
    </message>
    <message>
        <source>Worst imaginable</source>
        <translation>El peor imaginable</translation>
    </message>
    <message>
        <source>Hours of sleep last night</source>
        <translation>Horas de sueño anoche</translation>
    </message>
    <message>
        <source>Sleep quality</source>
        <translation>Calidad del sueño</translation>
    </message>
    <message>
        <source>Very poor</source>
        <translation>Muy mala</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energía</translation>
    </message>
    <message>
        <source>Exhausted</source>
        <translation>Sin energía</translation>
    </message>
    <message>
        <source>Full of energy</source>
        <translation>Con mucha energía</translation>
    </message>
    <message>
        <source>Anything that shaped today?</source>
        <translation>¿Algo que haya marcado el día de hoy?</translation>
    </message>
    <message>
        <source>A note for yourself (optional)</source>
        <translation>Una nota para usted (opcional)</translation>
    </message>
    <message>
        <source>Blood pressure, if you measured it (mmHg)</source>
        <translation>Presión arterial, si se la ha medido (mmHg)</translation>
    </message>
    <message>
        <source>Anything else? (optional)</source>
        <translation>¿Algo más? (opcional)</translation>
    </message>
    <message>
        <source>Infusion day</source>
        <translation>Día de infusión</translation>
    </message>
    <message>
        <source>Therapy session</source>
        <translation>Sesión de terapia</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <source>Time outside</source>
        <translation>Tiempo al aire libre</translation>
    </message>
    <message>
        <source>Time with people</source>
        <translation>Tiempo con otras personas</translation>
    </message>
    <message>
        <source>Alcohol</source>
        <translation>Alcohol</translation>
    </message>
    <message>
        <source>Stressful day</source>
        <translation>Día estresante</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Menstruación</translation>
    </message>
    <message>
        <source>mood</source>
        <translation>estado de ánimo</translation>
    </message>
    <message>
        <source>anxiety</source>
        <translation>ansiedad</translation>
    </message>
    <message>
        <source>pain</source>
        <translation>dolor</translation>
    </message>
    <message>
        <source>Rate %1 to save.</source>
        <translation>Puntúe %1 para poder guardar.</translation>
    </message>
    <message>
        <source>Enter both blood pressure numbers, or neither.</source>
        <translation>Introduzca los dos números de la presión arterial, o ninguno.</translation>
    </message>
    <message>
        <source>Check the blood pressure: the first number is usually the higher one.</source>
        <translation>Revise la presión arterial: el primer número suele ser el más alto.</translation>
    </message>
    <message>
        <source>Answer at least one question to save.</source>
        <translation>Responda al menos una pregunta para poder guardar.</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>After-infusion check</source>
        <translation>Control tras la infusión</translation>
    </message>
    <message>
        <source>Crisis help opened</source>
        <translation>Ayuda en crisis abierta</translation>
    </message>
    <message>
        <source>Mood %1</source>
        <translation>Ánimo %1</translation>
    </message>
    <message>
        <source>Anxiety %1</source>
        <translation>Ansiedad %1</translation>
    </message>
    <message>
        <source>Pain %1</source>
        <translation>Dolor %1</translation>
    </message>
    <message>
        <source>Sleep %1 h</source>
        <translation>Sueño %1 h</translation>
    </message>
    <message>
        <source>Energy %1</source>
        <translation>Energía %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Blood pressure %1/%2</source>
        <translation>Presión arterial %1/%2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>After a questionnaire answer</source>
        <translation>Tras una respuesta de un cuestionario</translation>
    </message>
    <message>
        <source>You asked for help</source>
        <translation>Pidió ayuda</translation>
    </message>
    <message>
        <source>You told your clinic</source>
        <translation>Avisó a su clínica</translation>
    </message>
</context>
<context>
    <name>DiaryOverview</name>
    <message>
        <source>Unfinished entry</source>
        <translation>Entrada sin terminar</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Discard it</source>
        <translation>Descartarla</translation>
    </message>
    <message>
        <source>How are you today?</source>
        <translation>¿Cómo se encuentra hoy?</translation>
    </message>
    <message>
        <source>A check-in takes about 20 seconds. After an infusion, a short check on how your body feels helps your clinic.</source>
        <translation>Un registro lleva unos 20 segundos. Después de una infusión, un breve control de cómo se siente su cuerpo ayuda a su clínica.</translation>
    </message>
    <message>
        <source>Start a check-in</source>
        <translation>Hacer un registro</translation>
    </message>
    <message>
        <source>After my infusion</source>
        <translation>Después de mi infusión</translation>
    </message>
    <message>
        <source>Recent entries</source>
        <translation>Entradas recientes</translation>
    </message>
    <message>
        <source>Nothing here yet. Your check-ins and questionnaires will appear here, newest first.</source>
        <translation>Todavía no hay nada. Sus registros y cuestionarios aparecerán aquí, los más recientes primero.</translation>
    </message>
</context>
<context>
    <name>DiaryPage</name>
    <message>
        <source>Diary</source>
        <translation>Diario</translation>
    </message>
    <message>
        <source>Recent entries</source>
        <translation>Entradas recientes</translation>
    </message>
</context>
<context>
    <name>DiaryQuestion</name>
    <message>
        <source> (optional)</source>
        <translation> (opcional)</translation>
    </message>
</context>
<context>
    <name>DiaryTodayCard</name>
    <message>
        <source>Daily check-in</source>
        <translation>Registro diario</translation>
    </message>
    <message>
        <source>Done today</source>
        <translation>Hecho hoy</translation>
    </message>
    <message>
        <source>Thank you. You can add another check-in any time.</source>
        <translation>Gracias. Puede añadir otro registro cuando quiera.</translation>
    </message>
    <message>
        <source>About 20 seconds: mood, anxiety, pain and sleep.</source>
        <translation>Unos 20 segundos: ánimo, ansiedad, dolor y sueño.</translation>
    </message>
    <message>
        <source>Continue where you left off</source>
        <translation>Seguir donde lo dejó</translation>
    </message>
    <message>
        <source>Add another check-in</source>
        <translation>Añadir otro registro</translation>
    </message>
    <message>
        <source>Start today&apos;s check-in</source>
        <translation>Hacer el registro de hoy</translation>
    </message>
</context>
<context>
    <name>DueInstrumentRow</name>
    <message>
        <source>%1 is due: %2.</source>
        <translation>%1 pendiente: %2.</translation>
    </message>
    <message>
        <source>Answer the %1</source>
        <translation>Responder: %1</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>EnrolPage</name>
    <message>
        <source>Set up the care-team console</source>
        <translation>Configurar la consola del equipo de atención</translation>
    </message>
    <message>
        <source>Your clinic gave you an enrolment code and the clinic key&apos;s fingerprint. The code works once.</source>
        <translation>Su clínica le ha dado un código de alta y la huella de la clave de la clínica. El código sirve una sola vez.</translation>
    </message>
    <message>
        <source>Clinic server address</source>
        <translation>Dirección del servidor de la clínica</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Código de alta</translation>
    </message>
    <message>
        <source>Clinic key fingerprint</source>
        <translation>Huella de la clave de la clínica</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Elija una frase de contraseña</translation>
    </message>
    <message>
        <source>It locks the patients&apos; entries on this computer. A few unrelated words work well.</source>
        <translation>Bloquea las entradas de los pacientes en este ordenador. Unas cuantas palabras sin relación entre sí funcionan bien.</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Repita la frase de contraseña</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Dar de alta</translation>
    </message>
    <message>
        <source>Enrolling</source>
        <translation>Dando de alta</translation>
    </message>
</context>
<context>
    <name>FlagText</name>
    <message>
        <source>Safety alert: the patient asked the clinic to be told now.</source>
        <translation>Aviso de seguridad: se pulsó «Avisar a mi clínica ahora».</translation>
    </message>
    <message>
        <source>Safety: a recent PHQ-9 answer about self-harm thoughts.</source>
        <translation>Seguridad: una respuesta reciente del PHQ-9 sobre pensamientos de autolesión.</translation>
    </message>
    <message>
        <source>Safety: crisis help was shown to the patient recently.</source>
        <translation>Seguridad: se mostró ayuda en crisis hace poco.</translation>
    </message>
    <message>
        <source>Scores rising: %1 is back near or above its starting score.</source>
        <translation>Puntuaciones en aumento: %1 ha vuelto cerca o por encima de su puntuación inicial.</translation>
    </message>
    <message>
        <source>No confirmed ride for an infusion in the next two days.</source>
        <translation>Sin regreso a casa confirmado para una infusión en los próximos dos días.</translation>
    </message>
    <message numerus="yes">
        <source>No check-in shared for %n day(s).</source>
        <translation>
            <numerusform>Ningún registro compartido desde hace %n día.</numerusform>
            <numerusform>Ningún registro compartido desde hace %n días.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread shared entry(s).</source>
        <translation>
            <numerusform>%n entrada compartida sin leer.</numerusform>
            <numerusform>%n entradas compartidas sin leer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GradeQuestion</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>HoursQuestion</name>
    <message>
        <source>Half an hour less</source>
        <translation>Media hora menos</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 horas</translation>
    </message>
    <message>
        <source>Not entered</source>
        <translation>Sin indicar</translation>
    </message>
    <message>
        <source>Half an hour more</source>
        <translation>Media hora más</translation>
    </message>
</context>
<context>
    <name>InstrumentChartCard</name>
    <message>
        <source>Dashed lines: infusion days. Dotted line: the starting score. Green points: a response; a ring: remission.</source>
        <translation>Líneas discontinuas: días de infusión. Línea de puntos: la puntuación inicial. Puntos verdes: una respuesta; un anillo: remisión.</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>Intention</source>
        <translation>Intención</translation>
    </message>
    <message>
        <source>Experience</source>
        <translation>Experiencia</translation>
    </message>
    <message>
        <source>Insight</source>
        <translation>Descubrimiento</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Free entry</source>
        <translation>Entrada libre</translation>
    </message>
    <message>
        <source>What would you like to bring to this session?</source>
        <translation>¿Qué le gustaría traer a esta sesión?</translation>
    </message>
    <message>
        <source>Is there something you hope to understand, or simply notice?</source>
        <translation>¿Hay algo que espera comprender, o simplemente observar?</translation>
    </message>
    <message>
        <source>How would you like to look after yourself during the infusion?</source>
        <translation>¿Cómo le gustaría cuidarse durante la infusión?</translation>
    </message>
    <message>
        <source>What do you remember noticing, in your body or your mind?</source>
        <translation>¿Qué recuerda haber notado, en su cuerpo o en su mente?</translation>
    </message>
    <message>
        <source>Which feelings came up, and how are they now?</source>
        <translation>¿Qué emociones aparecieron, y cómo están ahora?</translation>
    </message>
    <message>
        <source>Was there an image, a sound or a moment that stayed with you?</source>
        <translation>¿Hubo una imagen, un sonido o un momento que se le quedó?</translation>
    </message>
    <message>
        <source>What feels a little clearer than before?</source>
        <translation>¿Qué siente ahora un poco más claro que antes?</translation>
    </message>
    <message>
        <source>Is there something you see differently now?</source>
        <translation>¿Hay algo que ahora ve de otra manera?</translation>
    </message>
    <message>
        <source>What did this show you about what matters to you?</source>
        <translation>¿Qué le ha mostrado esto sobre lo que le importa?</translation>
    </message>
    <message>
        <source>What is one small step you would like to try?</source>
        <translation>¿Qué pequeño paso le gustaría probar?</translation>
    </message>
    <message>
        <source>Is there a habit you would like to make room for?</source>
        <translation>¿Hay algún hábito para el que le gustaría hacer sitio?</translation>
    </message>
    <message>
        <source>Who or what could support you with this?</source>
        <translation>¿Quién o qué podría apoyarle en esto?</translation>
    </message>
    <message>
        <source>Looking back, what has shifted since this infusion?</source>
        <translation>Mirando atrás, ¿qué ha cambiado desde esta infusión?</translation>
    </message>
    <message>
        <source>Which steps have stayed with you, and which can you let go?</source>
        <translation>¿Qué pasos se han quedado con usted, y cuáles puede dejar ir?</translation>
    </message>
    <message>
        <source>What would you like to take into your next session?</source>
        <translation>¿Qué le gustaría llevar a su próxima sesión?</translation>
    </message>
    <message>
        <source>What is on your mind today?</source>
        <translation>¿Qué tiene hoy en la cabeza?</translation>
    </message>
    <message>
        <source>Is there anything from today you would like to remember?</source>
        <translation>¿Hay algo de hoy que le gustaría recordar?</translation>
    </message>
</context>
<context>
    <name>JournalCarryForwardCard</name>
    <message>
        <source>From your journal</source>
        <translation>De su cuaderno</translation>
    </message>
    <message>
        <source>Your last intention: %1</source>
        <translation>Su última intención: %1</translation>
    </message>
    <message>
        <source>Recent insights</source>
        <translation>Descubrimientos recientes</translation>
    </message>
    <message>
        <source>Open journal</source>
        <translation>Abrir el cuaderno</translation>
    </message>
</context>
<context>
    <name>JournalEditor</name>
    <message>
        <source>This is the draft you had not saved yet. It is just as you left it.</source>
        <translation>Este es el borrador que aún no había guardado. Está tal como lo dejó.</translation>
    </message>
    <message>
        <source>Kind of entry</source>
        <translation>Tipo de entrada</translation>
    </message>
    <message>
        <source>Date of the infusion (year-month-day)</source>
        <translation>Fecha de la infusión (año-mes-día)</translation>
    </message>
    <message>
        <source>for example 2026-03-14</source>
        <translation>por ejemplo, 2026-03-14</translation>
    </message>
    <message>
        <source>Date of the infusion, as year-month-day</source>
        <translation>Fecha de la infusión, como año-mes-día</translation>
    </message>
    <message>
        <source>Your entry</source>
        <translation>Su entrada</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Closes without saving; the draft is discarded</source>
        <translation>Cierra sin guardar; el borrador se descarta</translation>
    </message>
</context>
<context>
    <name>JournalEditorOptions</name>
    <message>
        <source>Share this entry with my clinic</source>
        <translation>Compartir esta entrada con mi clínica</translation>
    </message>
    <message>
        <source>Off unless you switch it on: your journal is private. Companion cannot share anything yet. Once syncing with your clinic arrives, only entries with this switched on will be shared, and you can change your mind at any time.</source>
        <translation>Desactivado salvo que usted lo active: su cuaderno es privado. Companion todavía no puede compartir nada. Cuando llegue la sincronización con su clínica, solo se compartirán las entradas que tengan esto activado, y podrá cambiar de opinión en cualquier momento.</translation>
    </message>
    <message>
        <source>Remind me about this</source>
        <translation>Recordármelo</translation>
    </message>
    <message>
        <source>Gentle reminders arrive in a later release. Until then, actions marked this way are listed at the top of your journal.</source>
        <translation>Los recordatorios llegarán en una versión posterior. Hasta entonces, las acciones marcadas así aparecen al principio de su cuaderno.</translation>
    </message>
    <message>
        <source>While you write, a draft is kept in your encrypted profile on this device, so nothing is lost if Companion locks.</source>
        <translation>Mientras escribe, se guarda un borrador en su perfil cifrado en este dispositivo, así no se pierde nada si Companion se bloquea.</translation>
    </message>
</context>
<context>
    <name>JournalEntryItem</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Remind me: on. Reminders arrive in a later release.</source>
        <translation>Recordármelo: activado. Los recordatorios llegarán en una versión posterior.</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Edit this %1</source>
        <translation>Editar: %1</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete this %1</source>
        <translation>Eliminar: %1</translation>
    </message>
</context>
<context>
    <name>JournalOverview</name>
    <message>
        <source>A thread for each infusion: an intention before, what you experienced after, then insights, small steps and a look back. Private and encrypted on this device.</source>
        <translation>Un hilo para cada infusión: una intención antes, lo que vivió después, luego descubrimientos, pequeños pasos y una mirada atrás. Privado y cifrado en este dispositivo.</translation>
    </message>
    <message>
        <source>Unsaved draft</source>
        <translation>Borrador sin guardar</translation>
    </message>
    <message>
        <source>Continue writing</source>
        <translation>Seguir escribiendo</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Descartar el borrador</translation>
    </message>
    <message>
        <source>Deletes the unsaved draft</source>
        <translation>Elimina el borrador sin guardar</translation>
    </message>
    <message>
        <source>Intention for an infusion</source>
        <translation>Intención para una infusión</translation>
    </message>
    <message>
        <source>Starts a new thread for an infusion with your intention for it</source>
        <translation>Empieza un hilo nuevo para una infusión con su intención para ella</translation>
    </message>
    <message>
        <source>Free entry</source>
        <translation>Entrada libre</translation>
    </message>
    <message>
        <source>Writes an entry that is not about a particular infusion</source>
        <translation>Escribe una entrada que no trata de una infusión concreta</translation>
    </message>
    <message>
        <source>Actions you want to be reminded of</source>
        <translation>Acciones que quiere recordar</translation>
    </message>
    <message>
        <source>Reminders arrive in a later release. Until then, they are listed here.</source>
        <translation>Los recordatorios llegarán en una versión posterior. Hasta entonces, aparecen aquí.</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <source>Journal</source>
        <translation>Cuaderno</translation>
    </message>
    <message>
        <source>Your journal is empty</source>
        <translation>Su cuaderno está vacío</translation>
    </message>
    <message>
        <source>Start with an intention before your next infusion, or write a free entry whenever something feels worth keeping.</source>
        <translation>Empiece con una intención antes de su próxima infusión, o escriba una entrada libre cuando algo le parezca digno de guardar.</translation>
    </message>
</context>
<context>
    <name>JournalPromptRow</name>
    <message>
        <source>Another prompt</source>
        <translation>Otra pregunta</translation>
    </message>
    <message>
        <source>Shows a different question to write about</source>
        <translation>Muestra otra pregunta sobre la que escribir</translation>
    </message>
</context>
<context>
    <name>JournalStep</name>
    <message>
        <source>+ Add</source>
        <translation>+ Añadir</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>LanguageSection</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Match system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Idioma: %1</translation>
    </message>
    <message>
        <source>The new language is used the next time you open Companion.</source>
        <translation>El nuevo idioma se aplicará la próxima vez que abra Companion.</translation>
    </message>
</context>
<context>
    <name>LearnLibraryView</name>
    <message>
        <source>Learn</source>
        <translation>Aprender</translation>
    </message>
    <message>
        <source>Search articles</source>
        <translation>Buscar artículos</translation>
    </message>
    <message>
        <source>Read next</source>
        <translation>Leer a continuación</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Leído</translation>
    </message>
    <message>
        <source>Opens the suggested article</source>
        <translation>Abre el artículo sugerido</translation>
    </message>
    <message>
        <source>%1 of %2 articles read. Understanding checks passed: %3 of %4.</source>
        <translation>%1 de %2 artículos leídos. Comprobaciones superadas: %3 de %4.</translation>
    </message>
    <message>
        <source>No article matches your search. Try fewer or different words.</source>
        <translation>Ningún artículo coincide con su búsqueda. Pruebe con menos palabras o con otras.</translation>
    </message>
</context>
<context>
    <name>LowEnergyStep</name>
    <message>
        <source>Question %1 of %2</source>
        <translation>Pregunta %1 de %2</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Companion</source>
        <translation>Companion</translation>
    </message>
    <message>
        <source>Companion care team</source>
        <translation>Companion, equipo de atención</translation>
    </message>
</context>
<context>
    <name>NameSection</name>
    <message>
        <source>What should we call you?</source>
        <translation>¿Cómo quiere que le llamemos?</translation>
    </message>
    <message>
        <source>Used for the greeting on Today. A first name or nickname is fine; leave it empty if you prefer.</source>
        <translation>Se usa para el saludo en Hoy. Vale un nombre de pila o un apodo; déjelo vacío si lo prefiere.</translation>
    </message>
    <message>
        <source>Your name or a nickname</source>
        <translation>Su nombre o un apodo</translation>
    </message>
    <message>
        <source>Saved when you press Enter or leave the field</source>
        <translation>Se guarda al pulsar Intro o al salir del campo</translation>
    </message>
</context>
<context>
    <name>NavigationRail</name>
    <message>
        <source>Main navigation</source>
        <translation>Navegación principal</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Escríbala de nuevo</translation>
    </message>
    <message>
        <source>Type the passphrase again</source>
        <translation>Escriba de nuevo la frase de contraseña</translation>
    </message>
    <message>
        <source>The two passphrases do not match yet.</source>
        <translation>Las dos frases de contraseña todavía no coinciden.</translation>
    </message>
</context>
<context>
    <name>NewRecoveryKeyDialog</name>
    <message>
        <source>Make a new recovery key?</source>
        <translation>¿Crear una nueva clave de recuperación?</translation>
    </message>
    <message>
        <source>Make a new key</source>
        <translation>Crear una clave nueva</translation>
    </message>
    <message>
        <source>Your current recovery key will stop working at once. The new key is shown only once: have paper or a password manager ready.</source>
        <translation>Su clave de recuperación actual dejará de funcionar en el acto. La clave nueva se muestra una sola vez: tenga a mano papel o un gestor de contraseñas.</translation>
    </message>
</context>
<context>
    <name>NewVaultRecoveryKeyDialog</name>
    <message>
        <source>Make a new data recovery key?</source>
        <translation>¿Crear una nueva clave de recuperación de datos?</translation>
    </message>
    <message>
        <source>Make a new key</source>
        <translation>Crear una clave nueva</translation>
    </message>
    <message>
        <source>Your current data recovery key will stop opening your synced data. The new key is shown only once: have paper ready.</source>
        <translation>Su clave de recuperación de datos actual dejará de abrir sus datos sincronizados. La clave nueva se muestra una sola vez: tenga papel a mano.</translation>
    </message>
</context>
<context>
    <name>NextInfusionCard</name>
    <message>
        <source>Your infusion plan</source>
        <translation>Su plan de infusiones</translation>
    </message>
    <message>
        <source>Add your next infusion to get a preparation checklist, a ride plan and reminders.</source>
        <translation>Añada su próxima infusión para tener una lista de preparación, un plan de regreso a casa y recordatorios.</translation>
    </message>
    <message>
        <source>Open preparation</source>
        <translation>Abrir la preparación</translation>
    </message>
    <message>
        <source>Plan an infusion</source>
        <translation>Planificar una infusión</translation>
    </message>
</context>
<context>
    <name>NoDriving</name>
    <message>
        <source>After your infusion, do not drive until %1 at the earliest. Someone else drives you home.</source>
        <translation>Después de su infusión, no conduzca hasta el %1 como muy pronto. Otra persona le lleva a casa.</translation>
    </message>
    <message>
        <source>Do not drive until %1 (%2 from now).</source>
        <translation>No conduzca hasta el %1 (dentro de %2).</translation>
    </message>
    <message>
        <source>You said you did not sleep well or do not feel clear-headed: wait until you feel fully alert, and call your clinic if it does not pass.</source>
        <translation>Ha dicho que no ha dormido bien o que no tiene la mente despejada: espere hasta sentirse completamente alerta, y llame a su clínica si no se le pasa.</translation>
    </message>
    <message numerus="yes">
        <source>Thank you for your check-in. Your clinic&apos;s minimum of %n hours after the infusion still applies.</source>
        <translation>
            <numerusform>Gracias por su registro. Sigue vigente el mínimo de %n hora tras la infusión que indica su clínica.</numerusform>
            <numerusform>Gracias por su registro. Sigue vigente el mínimo de %n horas tras la infusión que indica su clínica.</numerusform>
        </translation>
    </message>
    <message>
        <source>The effects can last longer than they feel. Answer the morning check-in when you wake up.</source>
        <translation>Los efectos pueden durar más de lo que parece. Responda al registro de la mañana cuando se despierte.</translation>
    </message>
    <message>
        <source>The no-driving window has ended, but you said you did not sleep well or do not feel clear-headed. Do not drive until you feel fully alert; call your clinic if it does not pass.</source>
        <translation>El periodo sin conducir ha terminado, pero ha dicho que no ha dormido bien o que no tiene la mente despejada. No conduzca hasta sentirse completamente alerta; llame a su clínica si no se le pasa.</translation>
    </message>
</context>
<context>
    <name>NoDrivingCard</name>
    <message>
        <source>No driving</source>
        <translation>No conducir</translation>
    </message>
    <message>
        <source>Good morning. Did you sleep, and do you feel clear-headed?</source>
        <translation>Buenos días. ¿Ha dormido, y tiene la mente despejada?</translation>
    </message>
    <message>
        <source>Yes, I slept and feel clear-headed</source>
        <translation>Sí, he dormido y tengo la mente despejada</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Todavía no</translation>
    </message>
</context>
<context>
    <name>NotVisibleCard</name>
    <message>
        <source>Not visible to you</source>
        <translation>Lo que usted no puede ver</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
</context>
<context>
    <name>NoteQuestion</name>
    <message>
        <source>Kept encrypted on this device.</source>
        <translation>Se guarda cifrado en este dispositivo.</translation>
    </message>
</context>
<context>
    <name>NotificationPermissionCard</name>
    <message>
        <source>Allow reminder notifications</source>
        <translation>Permitir las notificaciones de recordatorios</translation>
    </message>
    <message>
        <source>Companion reminds you when to stop eating and drinking, what to bring and who drives you home. Your phone will ask whether Companion may show notifications. On the lock screen a reminder only says “You have a reminder from Companion”.</source>
        <translation>Companion le recuerda cuándo dejar de comer y beber, qué llevar y quién le lleva a casa. Su teléfono le preguntará si Companion puede mostrar notificaciones. En la pantalla de bloqueo, un recordatorio solo dice «Tiene un recordatorio de Companion».</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Continue to the notification question</source>
        <translation>Continuar a la pregunta sobre las notificaciones</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>Not now, ask about notifications later</source>
        <translation>Ahora no, preguntar más tarde por las notificaciones</translation>
    </message>
    <message>
        <source>Reminders are turned off</source>
        <translation>Los recordatorios están desactivados</translation>
    </message>
    <message>
        <source>Companion may not show notifications, so your reminders will not appear. You can still see them in Settings. To get them, allow notifications for Companion in your phone’s settings.</source>
        <translation>Companion no puede mostrar notificaciones, así que sus recordatorios no aparecerán. Puede verlos en Ajustes. Para recibirlos, permita las notificaciones de Companion en los ajustes de su teléfono.</translation>
    </message>
    <message>
        <source>Open phone settings</source>
        <translation>Abrir los ajustes del teléfono</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>Very weak</source>
        <translation>Muy débil</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Débil</translation>
    </message>
    <message>
        <source>Not strong enough yet</source>
        <translation>Todavía no es lo bastante segura</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Buena</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Segura</translation>
    </message>
    <message>
        <source>Common words and names are guessed first. Add an unusual word.</source>
        <translation>Las palabras y los nombres comunes se adivinan primero. Añada una palabra poco habitual.</translation>
    </message>
    <message>
        <source>Keyboard rows, sequences and repeats are easy to guess. Try a few unrelated words instead.</source>
        <translation>Las filas del teclado, las secuencias y las repeticiones son fáciles de adivinar. Pruebe mejor con unas palabras sin relación entre sí.</translation>
    </message>
    <message>
        <source>Dates and years are easy to guess. Add an unusual word.</source>
        <translation>Las fechas y los años son fáciles de adivinar. Añada una palabra poco habitual.</translation>
    </message>
    <message>
        <source>Almost there: add one more unusual word.</source>
        <translation>Casi está: añada una palabra poco habitual más.</translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Hide %1</source>
        <translation>Ocultar %1</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Mostrar %1</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <source>Back to patients</source>
        <translation>Volver a los pacientes</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Questionnaire trends</source>
        <translation>Evolución de los cuestionarios</translation>
    </message>
    <message>
        <source>Shared entries</source>
        <translation>Entradas compartidas</translation>
    </message>
    <message>
        <source>No readable shared entries.</source>
        <translation>No hay entradas compartidas legibles.</translation>
    </message>
</context>
<context>
    <name>PatientRow</name>
    <message>
        <source>No longer shares anything with you.</source>
        <translation>Ya no comparte nada con usted.</translation>
    </message>
    <message numerus="yes">
        <source>%n shared entry(s), the latest on %1.</source>
        <translation>
            <numerusform>%n entrada compartida, la última el %1.</numerusform>
            <numerusform>%n entradas compartidas, la última el %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing readable shared yet.</source>
        <translation>Todavía no ha compartido nada legible.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Abrir %1</translation>
    </message>
</context>
<context>
    <name>PatientsPage</name>
    <message>
        <source>Patients</source>
        <translation>Pacientes</translation>
    </message>
    <message>
        <source>No patient shares entries with you yet. Pull to check for new ones.</source>
        <translation>Todavía ningún paciente comparte entradas con usted. Actualice para comprobar si hay nuevas.</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Everything you add will stay encrypted on this device, and you will choose what, if anything, to share with your clinic.</source>
        <translation>Todo lo que añada quedará cifrado en este dispositivo, y usted decidirá qué compartir con su clínica, si es que comparte algo.</translation>
    </message>
</context>
<context>
    <name>PreparePage</name>
    <message>
        <source>Prepare</source>
        <translation>Preparar</translation>
    </message>
    <message>
        <source>Fasting</source>
        <translation>Ayuno</translation>
    </message>
</context>
<context>
    <name>PullBar</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Pulling new entries…</source>
        <translation>Recibiendo entradas nuevas…</translation>
    </message>
    <message>
        <source>Pull now</source>
        <translation>Actualizar ahora</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Pulling</source>
        <translation>Actualizando</translation>
    </message>
</context>
<context>
    <name>QrCameraView</name>
    <message>
        <source>Camera view for the QR code</source>
        <translation>Imagen de la cámara para el código QR</translation>
    </message>
</context>
<context>
    <name>QrScanPage</name>
    <message>
        <source>Scan a QR code</source>
        <translation>Escanear un código QR</translation>
    </message>
    <message>
        <source>Hold the code from your clinic, or from your other device, in front of the camera.</source>
        <translation>Sostenga delante de la cámara el código de su clínica o de su otro dispositivo.</translation>
    </message>
    <message>
        <source>No camera was found on this device. Open a picture of the code instead, or type the code.</source>
        <translation>No se encontró ninguna cámara en este dispositivo. Abra una imagen del código o escriba el código.</translation>
    </message>
    <message>
        <source>Open a picture of the code</source>
        <translation>Abrir una imagen del código</translation>
    </message>
    <message>
        <source>Type the code instead</source>
        <translation>Escribir el código</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Companion asks to use the camera, only to read the code. Nothing the camera sees is stored.</source>
        <translation>Companion pide usar la cámara solo para leer el código. No se guarda nada de lo que ve la cámara.</translation>
    </message>
    <message>
        <source>Companion may not use the camera, so it cannot read the code here. Open a picture of the code or type the code instead. You can allow the camera in your phone’s settings.</source>
        <translation>Companion no puede usar la cámara, así que no puede leer el código aquí. Abra una imagen del código o escriba el código. Puede permitir la cámara en los ajustes de su teléfono.</translation>
    </message>
    <message>
        <source>Open phone settings</source>
        <translation>Abrir los ajustes del teléfono</translation>
    </message>
    <message>
        <source>Open phone settings to allow the camera</source>
        <translation>Abrir los ajustes del teléfono para permitir la cámara</translation>
    </message>
</context>
<context>
    <name>QuestionnaireListCard</name>
    <message>
        <source>Questionnaires</source>
        <translation>Cuestionarios</translation>
    </message>
    <message>
        <source>Your clinic&apos;s schedule has these due now.</source>
        <translation>Según el calendario de su clínica, estos tocan ahora.</translation>
    </message>
    <message>
        <source>Nothing is due right now. You can answer any of them whenever you like.</source>
        <translation>Ahora no hay nada pendiente. Puede responder cualquiera de ellos cuando quiera.</translation>
    </message>
    <message>
        <source>Continue the %1</source>
        <translation>Continuar: %1</translation>
    </message>
    <message>
        <source>Or answer any questionnaire:</source>
        <translation>O responda cualquier cuestionario:</translation>
    </message>
    <message numerus="yes">
        <source>Answer the %1 (%n question(s))</source>
        <translation>
            <numerusform>Responder: %1 (%n pregunta)</numerusform>
            <numerusform>Responder: %1 (%n preguntas)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuestionnaireResultView</name>
    <message>
        <source>Saved on this device</source>
        <translation>Guardado en este dispositivo</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>A questionnaire is not a diagnosis. It helps you and your clinic see how you are doing over time.</source>
        <translation>Un cuestionario no es un diagnóstico. Les ayuda a usted y a su clínica a ver cómo evoluciona con el tiempo.</translation>
    </message>
    <message>
        <source>You deserve support right now</source>
        <translation>Usted merece apoyo ahora mismo</translation>
    </message>
    <message>
        <source>You said you have had thoughts of being better off dead or of hurting yourself. Help is one tap away, day and night.</source>
        <translation>Ha dicho que ha tenido pensamientos de que estaría mejor muerto(a) o de hacerse daño. La ayuda está a un toque, de día y de noche.</translation>
    </message>
    <message>
        <source>Get help now</source>
        <translation>Pedir ayuda ahora</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
</context>
<context>
    <name>QuestionnaireView</name>
    <message>
        <source>Previous question</source>
        <translation>Pregunta anterior</translation>
    </message>
    <message>
        <source>Skip this one</source>
        <translation>Saltar esta</translation>
    </message>
    <message>
        <source>See my result</source>
        <translation>Ver mi resultado</translation>
    </message>
    <message>
        <source>Finish later</source>
        <translation>Terminar más tarde</translation>
    </message>
    <message>
        <source>Keeps your answers as a draft on this device</source>
        <translation>Guarda sus respuestas como borrador en este dispositivo</translation>
    </message>
</context>
<context>
    <name>RecoverWithKeyPage</name>
    <message>
        <source>Use your recovery key</source>
        <translation>Use su clave de recuperación</translation>
    </message>
    <message>
        <source>Enter the recovery key you saved when you set up Companion, then choose a new passphrase. You will get a new recovery key afterwards.</source>
        <translation>Introduzca la clave de recuperación que guardó al configurar Companion y luego elija una nueva frase de contraseña. Después recibirá una nueva clave de recuperación.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>Set new passphrase and unlock</source>
        <translation>Establecer la nueva frase y desbloquear</translation>
    </message>
    <message>
        <source>Checking your recovery key</source>
        <translation>Comprobando su clave de recuperación</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <source>Your recovery key</source>
        <translation>Su clave de recuperación</translation>
    </message>
    <message>
        <source>If you ever forget your passphrase, this key is the only way back in. Write it down on paper or save it in a password manager, and keep it private.</source>
        <translation>Si alguna vez olvida su frase de contraseña, esta clave es la única forma de volver a entrar. Anótela en papel o guárdela en un gestor de contraseñas, y no la comparta.</translation>
    </message>
    <message>
        <source>It is shown only this once.</source>
        <translation>Solo se muestra esta vez.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>I have written it down or stored it safely</source>
        <translation>La he anotado o guardado en un lugar seguro</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>The key will not be shown again</source>
        <translation>La clave no se volverá a mostrar</translation>
    </message>
    <message>
        <source>You are enrolled with %1. Write this key down and keep it somewhere safe: it opens your care-team profile if you forget your passphrase. It is shown only now.</source>
        <translation>Ya está dado de alta en %1. Anote esta clave y guárdela en un lugar seguro: abre su perfil del equipo de atención si olvida su frase de contraseña. Solo se muestra ahora.</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>Ya la he anotado</translation>
    </message>
</context>
<context>
    <name>RemindersSection</name>
    <message>
        <source>Next reminders</source>
        <translation>Próximos recordatorios</translation>
    </message>
    <message>
        <source>Deliver reminders when Companion is closed (starts a small background service at login)</source>
        <translation>Enviar recordatorios con Companion cerrado (inicia un pequeño servicio en segundo plano al iniciar sesión)</translation>
    </message>
    <message>
        <source>No reminders are planned.</source>
        <translation>No hay recordatorios previstos.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>On the lock screen a reminder only says “You have a reminder from Companion”.</source>
        <translation>En la pantalla de bloqueo, un recordatorio solo dice «Tiene un recordatorio de Companion».</translation>
    </message>
</context>
<context>
    <name>ReplyBox</name>
    <message>
        <source>Your reply</source>
        <translation>Su respuesta</translation>
    </message>
    <message>
        <source>Reply to this entry</source>
        <translation>Responder a esta entrada</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Enviar respuesta</translation>
    </message>
</context>
<context>
    <name>ReportCard</name>
    <message>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>PDF report file</source>
        <translation>Archivo del informe PDF</translation>
    </message>
    <message>
        <source>Save PDF report</source>
        <translation>Guardar informe PDF</translation>
    </message>
    <message>
        <source>FHIR export file</source>
        <translation>Archivo de la exportación FHIR</translation>
    </message>
    <message>
        <source>Export FHIR</source>
        <translation>Exportar FHIR</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <source>Care-team report</source>
        <translation>Informe para el equipo de atención</translation>
    </message>
    <message>
        <source>Patient %1</source>
        <translation>Paciente %1</translation>
    </message>
    <message>
        <source>Period: everything shared so far</source>
        <translation>Período: todo lo compartido hasta ahora</translation>
    </message>
    <message>
        <source>Period: %1 to %2</source>
        <translation>Período: %1 – %2</translation>
    </message>
    <message>
        <source>the first entry</source>
        <translation>primera entrada</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>Prepared %1 for %2, %3. Contains only what the patient chose to share.</source>
        <translation>Preparado el %1 para %2, %3. Contiene solo lo que se eligió compartir.</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>No flags.</source>
        <translation>Sin avisos.</translation>
    </message>
    <message>
        <source>Scores over time (dashed lines: infusions)</source>
        <translation>Puntuaciones en el tiempo (líneas discontinuas: infusiones)</translation>
    </message>
    <message numerus="yes">
        <source>%n more instrument(s) in the table only.</source>
        <translation>
            <numerusform>%n cuestionario más, solo en la tabla.</numerusform>
            <numerusform>%n cuestionarios más, solo en la tabla.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Puntuaciones</translation>
    </message>
    <message>
        <source>No shared questionnaire results in this period.</source>
        <translation>No hay resultados de cuestionarios compartidos en este período.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Cuestionario</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Change from baseline</source>
        <translation>Cambio desde el inicio</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>inicial</translation>
    </message>
    <message>
        <source>remission</source>
        <translation>remisión</translation>
    </message>
    <message>
        <source>response</source>
        <translation>respuesta</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier result(s) not shown; the FHIR export has them all.</source>
        <translation>
            <numerusform>%n resultado anterior no se muestra; la exportación FHIR los incluye todos.</numerusform>
            <numerusform>%n resultados anteriores no se muestran; la exportación FHIR los incluye todos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Shared notes</source>
        <translation>Notas compartidas</translation>
    </message>
    <message>
        <source>No shared notes in this period.</source>
        <translation>No hay notas compartidas en este período.</translation>
    </message>
    <message numerus="yes">
        <source>%n more note(s) not shown; see the patient&apos;s timeline.</source>
        <translation>
            <numerusform>%n nota más no se muestra; consulte la cronología.</numerusform>
            <numerusform>%n notas más no se muestran; consulte la cronología.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shared entry(s) cannot be shown by this console (see the timeline).</source>
        <translation>
            <numerusform>%n entrada compartida no se puede mostrar en esta consola (consulte la cronología).</numerusform>
            <numerusform>%n entradas compartidas no se pueden mostrar en esta consola (consulte la cronología).</numerusform>
        </translation>
    </message>
    <message>
        <source>Confidential health information. Self-reported by the patient; not a diagnosis.</source>
        <translation>Información de salud confidencial. Datos autoinformados; no es un diagnóstico.</translation>
    </message>
</context>
<context>
    <name>RidePlanCard</name>
    <message>
        <source>Your ride home</source>
        <translation>Su regreso a casa</translation>
    </message>
    <message>
        <source>Confirmed. You must not drive yourself after the infusion.</source>
        <translation>Confirmado. Usted no debe conducir después de la infusión.</translation>
    </message>
    <message>
        <source>You must not drive yourself after the infusion. Ask someone to take you home and confirm it here.</source>
        <translation>Usted no debe conducir después de la infusión. Pida a alguien que le lleve a casa y confírmelo aquí.</translation>
    </message>
    <message>
        <source>Driver&apos;s name</source>
        <translation>Nombre de quien conduce</translation>
    </message>
    <message>
        <source>Driver&apos;s phone</source>
        <translation>Teléfono de quien conduce</translation>
    </message>
    <message>
        <source>Driver&apos;s phone number</source>
        <translation>Número de teléfono de quien conduce</translation>
    </message>
    <message>
        <source>Pick-up HH:MM</source>
        <translation>Recogida HH:MM</translation>
    </message>
    <message>
        <source>Pick-up time, hours and minutes</source>
        <translation>Hora de recogida, horas y minutos</translation>
    </message>
    <message>
        <source>The driver has confirmed</source>
        <translation>Quien conduce lo ha confirmado</translation>
    </message>
    <message>
        <source>Save ride</source>
        <translation>Guardar el regreso</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Llamar a %1</translation>
    </message>
</context>
<context>
    <name>ScaleQuestion</name>
    <message>
        <source>%1 of 10</source>
        <translation>%1 de 10</translation>
    </message>
    <message>
        <source>Not rated yet: tap or drag</source>
        <translation>Sin puntuar: toque o arrastre</translation>
    </message>
    <message>
        <source>0 is %1, 10 is %2</source>
        <translation>0 es %1, 10 es %2</translation>
    </message>
    <message>
        <source>%1: %2 of 10</source>
        <translation>%1: %2 de 10</translation>
    </message>
    <message>
        <source>0: %1</source>
        <translation>0: %1</translation>
    </message>
    <message>
        <source>10: %1</source>
        <translation>10: %1</translation>
    </message>
</context>
<context>
    <name>SecuritySection</name>
    <message>
        <source>Security</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Lock automatically after this long without use</source>
        <translation>Bloquear automáticamente tras este tiempo sin uso</translation>
    </message>
    <message>
        <source>Companion also locks when you leave it in the background for that long.</source>
        <translation>Companion también se bloquea si lo deja en segundo plano durante ese tiempo.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>Nueva clave de recuperación</translation>
    </message>
    <message>
        <source>Makes a new recovery key and shows it once; the old one stops working</source>
        <translation>Crea una nueva clave de recuperación y la muestra una vez; la anterior deja de funcionar</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Bloquear ahora</translation>
    </message>
    <message>
        <source>Locks Companion; you will need your passphrase to open it again</source>
        <translation>Bloquea Companion; necesitará su frase de contraseña para volver a abrirlo</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
</context>
<context>
    <name>ShellHeader</name>
    <message>
        <source>← Back</source>
        <translation>← Atrás</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Companion</source>
        <translation>Companion</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Lock Companion now</source>
        <translation>Bloquear Companion ahora</translation>
    </message>
    <message>
        <source>Get help now</source>
        <translation>Pedir ayuda ahora</translation>
    </message>
    <message>
        <source>Crisis lines and emergency numbers</source>
        <translation>Líneas de crisis y números de emergencia</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Passphrase strength: %1. %2</source>
        <translation>Seguridad de la frase de contraseña: %1. %2</translation>
    </message>
    <message>
        <source>Strength: %1</source>
        <translation>Seguridad: %1</translation>
    </message>
</context>
<context>
    <name>SummarySection</name>
    <message>
        <source>Your summary</source>
        <translation>Su resumen</translation>
    </message>
    <message>
        <source>A PDF with your questionnaire scores, check-ins, infusion dates and your next infusion&apos;s preparation, to keep or to bring to an appointment.</source>
        <translation>Un PDF con las puntuaciones de sus cuestionarios, sus registros, las fechas de sus infusiones y la preparación de su próxima infusión, para guardarlo o llevarlo a una cita.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Period of the summary</source>
        <translation>Periodo del resumen</translation>
    </message>
    <message>
        <source>Include my journal and notes</source>
        <translation>Incluir mi cuaderno y mis notas</translation>
    </message>
    <message>
        <source>Save a PDF summary</source>
        <translation>Guardar un resumen en PDF</translation>
    </message>
</context>
<context>
    <name>SummaryText</name>
    <message>
        <source>Journal: %1</source>
        <translation>Cuaderno: %1</translation>
    </message>
    <message>
        <source>Check-in note</source>
        <translation>Nota del registro</translation>
    </message>
    <message>
        <source>After-infusion note</source>
        <translation>Nota del control tras la infusión</translation>
    </message>
    <message>
        <source>Mood (0 to 10)</source>
        <translation>Estado de ánimo (de 0 a 10)</translation>
    </message>
    <message>
        <source>Pain (0 to 10)</source>
        <translation>Dolor (de 0 a 10)</translation>
    </message>
    <message>
        <source>Hours of sleep</source>
        <translation>Horas de sueño</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Made on your device by Companion on %1. This is not a medical record: it shows what you recorded yourself.</source>
        <translation>Creado en su dispositivo por Companion el %1. Esto no es una historia clínica: muestra lo que usted mismo ha registrado.</translation>
    </message>
    <message>
        <source>If you are in danger now, get help now: %1</source>
        <translation>Si está en peligro ahora, pida ayuda ahora: %1</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Página %1</translation>
    </message>
    <message>
        <source>My Companion summary</source>
        <translation>Mi resumen de Companion</translation>
    </message>
    <message>
        <source>For %1</source>
        <translation>Para %1</translation>
    </message>
    <message>
        <source>Period: everything recorded so far</source>
        <translation>Periodo: todo lo registrado hasta ahora</translation>
    </message>
    <message>
        <source>Period: %1 to %2</source>
        <translation>Periodo: del %1 al %2</translation>
    </message>
    <message>
        <source>the first entry</source>
        <translation>la primera entrada</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>What you recorded in Companion: questionnaires, daily check-ins and your infusion plan. You can keep it or bring it to an appointment.</source>
        <translation>Lo que ha registrado en Companion: cuestionarios, registros diarios y su plan de infusiones. Puede guardarlo o llevarlo a una cita.</translation>
    </message>
    <message>
        <source>Questionnaires</source>
        <translation>Cuestionarios</translation>
    </message>
    <message>
        <source>No questionnaire results in this period.</source>
        <translation>No hay resultados de cuestionarios en este periodo.</translation>
    </message>
    <message>
        <source>Dashed lines: infusions. Dotted line: your starting score. Lower scores mean fewer symptoms.</source>
        <translation>Líneas discontinuas: infusiones. Línea de puntos: su puntuación inicial. Una puntuación más baja significa menos síntomas.</translation>
    </message>
    <message>
        <source>Latest: %1 of %2 on %3</source>
        <translation>Última: %1 de %2 el %3</translation>
    </message>
    <message>
        <source>Down %1 % from your starting score (%2 → %3).</source>
        <translation>Un %1 % por debajo de su puntuación inicial (%2 → %3).</translation>
    </message>
    <message>
        <source>Up %1 % from your starting score (%2 → %3).</source>
        <translation>Un %1 % por encima de su puntuación inicial (%2 → %3).</translation>
    </message>
    <message>
        <source>Your recent scores have climbed back toward where you started. Consider asking your clinic about a booster.</source>
        <translation>Sus puntuaciones recientes han vuelto a subir hacia las del principio. Considere preguntar a su clínica por una sesión de refuerzo.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>starting score</source>
        <translation>puntuación inicial</translation>
    </message>
    <message>
        <source>remission</source>
        <translation>remisión</translation>
    </message>
    <message>
        <source>response</source>
        <translation>respuesta</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Daily check-ins</source>
        <translation>Registros diarios</translation>
    </message>
    <message>
        <source>No check-ins in this period.</source>
        <translation>No hay registros en este periodo.</translation>
    </message>
    <message numerus="yes">
        <source>%1: average %2 over %n check-in(s).</source>
        <translation>
            <numerusform>%1: media de %2 en %n registro.</numerusform>
            <numerusform>%1: media de %2 en %n registros.</numerusform>
        </translation>
    </message>
    <message>
        <source>Infusions</source>
        <translation>Infusiones</translation>
    </message>
    <message>
        <source>No infusions in this period.</source>
        <translation>No hay infusiones en este periodo.</translation>
    </message>
    <message numerus="yes">
        <source>%n infusion(s): %1</source>
        <translation>
            <numerusform>%n infusión: %1</numerusform>
            <numerusform>%n infusiones: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Next infusion</source>
        <translation>Próxima infusión</translation>
    </message>
    <message>
        <source>No infusion is planned.</source>
        <translation>No hay ninguna infusión prevista.</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>Preparation: %1 of %2 done</source>
        <translation>Preparación: %1 de %2 hechas</translation>
    </message>
    <message>
        <source>[done] %1</source>
        <translation>[hecho] %1</translation>
    </message>
    <message>
        <source>[to do] %1, by %2</source>
        <translation>[pendiente] %1, antes del %2</translation>
    </message>
    <message>
        <source>Ride home: not planned yet.</source>
        <translation>Regreso a casa: aún sin organizar.</translation>
    </message>
    <message>
        <source>Ride home: %1, confirmed.</source>
        <translation>Regreso a casa: %1, confirmado.</translation>
    </message>
    <message>
        <source>Ride home: %1, not confirmed yet.</source>
        <translation>Regreso a casa: %1, aún sin confirmar.</translation>
    </message>
    <message>
        <source>Journal entries and notes are not included. You can include them when you save the summary.</source>
        <translation>Las entradas del cuaderno y las notas no se incluyen. Puede incluirlas al guardar el resumen.</translation>
    </message>
    <message>
        <source>Your notes</source>
        <translation>Sus notas</translation>
    </message>
    <message>
        <source>No notes in this period.</source>
        <translation>No hay notas en este periodo.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>TeachBackQuestion</name>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Right. </source>
        <translation>Correcto. </translation>
    </message>
    <message>
        <source>Not quite. </source>
        <translation>No exactamente. </translation>
    </message>
</context>
<context>
    <name>TeachBackView</name>
    <message>
        <source>Choose one answer for each question.</source>
        <translation>Elija una respuesta para cada pregunta.</translation>
    </message>
    <message>
        <source>All right. Well done.</source>
        <translation>Todo correcto. Muy bien.</translation>
    </message>
    <message>
        <source>%1 of %2 right</source>
        <translation>%1 de %2 correctas</translation>
    </message>
    <message>
        <source>Your answers are saved on this device with today&apos;s date.</source>
        <translation>Sus respuestas se guardan en este dispositivo con la fecha de hoy.</translation>
    </message>
    <message>
        <source>Read the notes under each question, then try again. Your answers are saved on this device.</source>
        <translation>Lea las notas de cada pregunta y vuelva a intentarlo. Sus respuestas se guardan en este dispositivo.</translation>
    </message>
    <message>
        <source>Check my answers</source>
        <translation>Comprobar mis respuestas</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Volver a intentarlo</translation>
    </message>
    <message>
        <source>Back to the article</source>
        <translation>Volver al artículo</translation>
    </message>
</context>
<context>
    <name>TimelineEntryItem</name>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1 · %2 · new</source>
        <translation>%1 · %2 · nueva</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>TimelineText</name>
    <message>
        <source>Journal entry</source>
        <translation>Entrada del cuaderno</translation>
    </message>
    <message>
        <source>Infusion appointment (cancelled)</source>
        <translation>Cita de infusión (cancelada)</translation>
    </message>
    <message>
        <source>Infusion appointment</source>
        <translation>Cita de infusión</translation>
    </message>
    <message>
        <source>Ride home confirmed</source>
        <translation>Regreso a casa confirmado</translation>
    </message>
    <message>
        <source>Ride home not confirmed yet</source>
        <translation>Regreso a casa aún sin confirmar</translation>
    </message>
    <message numerus="yes">
        <source>Preparation checklist: %n item(s) done</source>
        <translation>
            <numerusform>Lista de preparación: %n punto hecho</numerusform>
            <numerusform>Lista de preparación: %n puntos hechos</numerusform>
        </translation>
    </message>
    <message>
        <source>Morning after: slept and clear-headed</source>
        <translation>Mañana siguiente: durmió y tiene la mente clara</translation>
    </message>
    <message>
        <source>Morning after: not yet rested or clear-headed</source>
        <translation>Mañana siguiente: aún sin descanso o sin la mente clara</translation>
    </message>
    <message>
        <source>Check-in: mood %1/10, anxiety %2/10, pain %3/10</source>
        <translation>Registro: ánimo %1/10, ansiedad %2/10, dolor %3/10</translation>
    </message>
    <message>
        <source>After-infusion check</source>
        <translation>Control tras la infusión</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Crisis help shown; the patient asked to tell the clinic</source>
        <translation>Se mostró ayuda en crisis; se pidió avisar a la clínica</translation>
    </message>
    <message>
        <source>Crisis help shown</source>
        <translation>Se mostró ayuda en crisis</translation>
    </message>
    <message>
        <source>This entry was shared, but this version of the console cannot read it. Update the console.</source>
        <translation>Esta entrada se compartió, pero esta versión de la consola no puede leerla. Actualice la consola.</translation>
    </message>
    <message>
        <source>The patient no longer shares this entry; the console has deleted its copy.</source>
        <translation>Esta entrada ya no se comparte; la consola ha borrado su copia.</translation>
    </message>
    <message>
        <source>Shared under a care-team key this console does not hold: from before you joined, or after your access changed.</source>
        <translation>Compartida con una clave del equipo de atención que esta consola no tiene: de antes de su incorporación o de después de un cambio en su acceso.</translation>
    </message>
    <message>
        <source>Shared under a key the patient&apos;s app has not published yet. It should appear after the patient&apos;s next sync.</source>
        <translation>Compartida con una clave que la app del paciente aún no ha publicado. Debería aparecer tras la próxima sincronización de esa app.</translation>
    </message>
    <message>
        <source>This entry failed its integrity check and is not shown. Tell the clinic.</source>
        <translation>Esta entrada no superó la comprobación de integridad y no se muestra. Avise a la clínica.</translation>
    </message>
    <message>
        <source>Latest score in the remission range.</source>
        <translation>Última puntuación en el rango de remisión.</translation>
    </message>
    <message>
        <source>Latest score at least 50 % below baseline (response).</source>
        <translation>Última puntuación al menos un 50 % por debajo de la inicial (respuesta).</translation>
    </message>
    <message>
        <source>Responded earlier; the latest score is not a response.</source>
        <translation>Hubo respuesta antes; la última puntuación no es una respuesta.</translation>
    </message>
    <message>
        <source>No response so far.</source>
        <translation>Sin respuesta por ahora.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Hello, %1. Good to see you.</source>
        <translation>Hola, %1. Nos alegra verle.</translation>
    </message>
    <message>
        <source>Hello. Good to see you.</source>
        <translation>Hola. Nos alegra verle.</translation>
    </message>
    <message>
        <source>Private by design</source>
        <translation>Privado desde el diseño</translation>
    </message>
    <message>
        <source>Everything you enter is encrypted on this device. Companion locks itself when you are away.</source>
        <translation>Todo lo que introduce se cifra en este dispositivo. Companion se bloquea solo cuando usted no lo está usando.</translation>
    </message>
</context>
<context>
    <name>TrendsCard</name>
    <message>
        <source>Trends</source>
        <translation>Evolución</translation>
    </message>
    <message>
        <source>Measure to show</source>
        <translation>Medida que mostrar</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 días</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 días</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 año</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Mostrar %1</translation>
    </message>
    <message>
        <source>Dashed lines: infusion days. Dotted line: your starting score. Green points: a response (at least 50 % below the start); a ring: remission.</source>
        <translation>Líneas discontinuas: días de infusión. Línea de puntos: su puntuación inicial. Puntos verdes: una respuesta (al menos un 50 % por debajo del inicio); un anillo: remisión.</translation>
    </message>
    <message>
        <source>Worth a word with your clinic</source>
        <translation>Merece la pena comentarlo con su clínica</translation>
    </message>
    <message>
        <source>Hide the list</source>
        <translation>Ocultar la lista</translation>
    </message>
    <message>
        <source>Show as a list</source>
        <translation>Mostrar como lista</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Companion</source>
        <translation>Companion</translation>
    </message>
    <message>
        <source>Enter your passphrase to unlock.</source>
        <translation>Introduzca su frase de contraseña para desbloquear.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Desbloqueando</translation>
    </message>
    <message>
        <source>Forgot your passphrase? Use your recovery key</source>
        <translation>¿Ha olvidado su frase de contraseña? Use su clave de recuperación</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Care-team console</source>
        <translation>Consola del equipo de atención</translation>
    </message>
</context>
<context>
    <name>VaultRecoveryKeyCard</name>
    <message>
        <source>Your data recovery key</source>
        <translation>Su clave de recuperación de datos</translation>
    </message>
    <message>
        <source>Write this key down and keep it somewhere safe, away from this device. If you lose every device, your clinic can give you a recovery code, and this key opens your entries on the new device. It is shown only now.</source>
        <translation>Anote esta clave y guárdela en un lugar seguro, lejos de este dispositivo. Si pierde todos sus dispositivos, su clínica puede darle un código de recuperación, y esta clave abre sus entradas en el dispositivo nuevo. Solo se muestra ahora.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>Ya la he anotado</translation>
    </message>
</context>
<context>
    <name>companion::careteampresentation::CareTeamSession</name>
    <message>
        <source>Not pulled yet.</source>
        <translation>Todavía no se ha actualizado.</translation>
    </message>
    <message>
        <source>Last pulled %1.</source>
        <translation>Última actualización: %1.</translation>
    </message>
    <message>
        <source>The clinic ended your access on %1. You see what you had pulled before; new entries are not readable by you.</source>
        <translation>La clínica terminó su acceso el %1. Usted ve lo que había recibido antes; las entradas nuevas no son legibles para usted.</translation>
    </message>
    <message>
        <source>That passphrase is not right.</source>
        <translation>Esa frase de contraseña no es correcta.</translation>
    </message>
    <message>
        <source>The clinic server could not be reached. Check the address and your connection, then try again.</source>
        <translation>No se ha podido conectar con el servidor de la clínica. Compruebe la dirección y su conexión, y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The answer did not match the clinic&apos;s fingerprint or failed a check. Nothing was saved. Check the fingerprint with the clinic.</source>
        <translation>La respuesta no coincide con la huella de la clínica o no ha superado una comprobación. No se ha guardado nada. Compruebe la huella con la clínica.</translation>
    </message>
    <message>
        <source>Check the server address, the code and the fingerprint.</source>
        <translation>Compruebe la dirección del servidor, el código y la huella.</translation>
    </message>
    <message>
        <source>This computer already has a care-team profile.</source>
        <translation>Este ordenador ya tiene un perfil del equipo de atención.</translation>
    </message>
    <message>
        <source>The profile folder could not be written.</source>
        <translation>No se ha podido escribir en la carpeta del perfil.</translation>
    </message>
    <message>
        <source>Something went wrong. Try again.</source>
        <translation>Algo ha fallado. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>That passphrase is too easy to guess. Try a few unrelated words.</source>
        <translation>Esa frase de contraseña es demasiado fácil de adivinar. Pruebe con unas palabras sin relación entre sí.</translation>
    </message>
    <message>
        <source>The patients list could not be read from your profile.</source>
        <translation>No se ha podido leer la lista de pacientes de su perfil.</translation>
    </message>
    <message>
        <source>This patient&apos;s entries could not be read from your profile.</source>
        <translation>No se han podido leer las entradas de este paciente de su perfil.</translation>
    </message>
    <message>
        <source>Enrolment was refused: the fingerprint does not match this server&apos;s clinic key, or the code is wrong, used or expired. Nothing was saved; check both with the clinic.</source>
        <translation>El alta se ha rechazado: la huella no coincide con la clave de la clínica de este servidor, o el código es incorrecto, ya se ha usado o ha caducado. No se ha guardado nada; compruebe ambos con la clínica.</translation>
    </message>
    <message>
        <source>The clinic no longer accepts this console: your access has ended. Ask the clinic.</source>
        <translation>La clínica ya no acepta esta consola: su acceso ha terminado. Consulte a la clínica.</translation>
    </message>
    <message>
        <source>A reply is plain text of 1 to 2,000 characters.</source>
        <translation>Una respuesta es texto sin formato de 1 a 2.000 caracteres.</translation>
    </message>
    <message>
        <source>The patient no longer shares this entry with the care team, so it cannot be answered.</source>
        <translation>El paciente ya no comparte esta entrada con el equipo de atención, así que no se puede responder.</translation>
    </message>
    <message>
        <source>The clinic server could not be reached. The reply is saved and is sent at the next pull.</source>
        <translation>No se pudo conectar con el servidor de la clínica. La respuesta está guardada y se enviará en la próxima actualización.</translation>
    </message>
    <message>
        <source>Reply sent.</source>
        <translation>Respuesta enviada.</translation>
    </message>
</context>
<context>
    <name>companion::careteampresentation::PatientListModel</name>
    <message>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Rising scores</source>
        <translation>Puntuaciones en aumento</translation>
    </message>
    <message>
        <source>Ride not confirmed</source>
        <translation>Regreso sin confirmar</translation>
    </message>
    <message>
        <source>Missed check-ins</source>
        <translation>Registros pendientes</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n sin leer</numerusform>
            <numerusform>%n sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>No longer shares anything with you.</source>
        <translation>Ya no comparte nada con usted.</translation>
    </message>
</context>
<context>
    <name>companion::careteampresentation::PatientView</name>
    <message>
        <source>latest score %1</source>
        <translation>última puntuación %1</translation>
    </message>
    <message>
        <source>latest score %1 (%2)</source>
        <translation>última puntuación %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n score(s), %2. %3</source>
        <translation>
            <numerusform>%1: %n puntuación, %2. %3</numerusform>
            <numerusform>%1: %n puntuaciones, %2. %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter a file name for the report.</source>
        <translation>Escriba un nombre de archivo para el informe.</translation>
    </message>
    <message>
        <source>The report could not be made: this patient&apos;s entries could not be read.</source>
        <translation>No se ha podido hacer el informe: no se han podido leer las entradas de este paciente.</translation>
    </message>
    <message>
        <source>The report could not be made: the enrolment could not be read.</source>
        <translation>No se ha podido hacer el informe: no se ha podido leer el alta.</translation>
    </message>
    <message>
        <source>The report could not be made.</source>
        <translation>No se ha podido hacer el informe.</translation>
    </message>
    <message>
        <source>A file with that name already exists. Choose another name.</source>
        <translation>Ya existe un archivo con ese nombre. Elija otro nombre.</translation>
    </message>
    <message>
        <source>The report could not be saved there. Choose another folder.</source>
        <translation>No se ha podido guardar el informe ahí. Elija otra carpeta.</translation>
    </message>
    <message>
        <source>FHIR export saved to %1 (readable only by you).</source>
        <translation>Exportación FHIR guardada en %1 (solo usted puede leerla).</translation>
    </message>
    <message>
        <source>PDF report saved to %1 (readable only by you).</source>
        <translation>Informe PDF guardado en %1 (solo usted puede leerlo).</translation>
    </message>
</context>
<context>
    <name>companion::careteampresentation::TimelineModel</name>
    <message>
        <source>Check-in</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>After-infusion check</source>
        <translation>Control tras la infusión</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Cuestionario</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Cuaderno</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>Preparación</translation>
    </message>
    <message>
        <source>Your reply, sent %1</source>
        <translation>Su respuesta, enviada el %1</translation>
    </message>
    <message>
        <source>Your reply, refused by the server</source>
        <translation>Su respuesta, rechazada por el servidor</translation>
    </message>
    <message>
        <source>Your reply, not sent yet</source>
        <translation>Su respuesta, todavía sin enviar</translation>
    </message>
</context>
<context>
    <name>companion::presentation::ArticleListModel</name>
    <message numerus="yes">
        <source>%n min read</source>
        <translation>
            <numerusform>%n min de lectura</numerusform>
            <numerusform>%n min de lectura</numerusform>
        </translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Leído</translation>
    </message>
    <message>
        <source>From your clinic</source>
        <translation>De su clínica</translation>
    </message>
    <message>
        <source>In English</source>
        <translation>En inglés</translation>
    </message>
</context>
<context>
    <name>companion::presentation::DeleteEverythingController</name>
    <message>
        <source>Your clinic could not be reached, so nothing was deleted. Try again when you are online, or delete only this device&apos;s data.</source>
        <translation>No se pudo contactar con su clínica, así que no se borró nada. Inténtelo de nuevo cuando tenga conexión o borre solo los datos de este dispositivo.</translation>
    </message>
    <message>
        <source>Your clinic did not delete your data, so nothing was deleted here either. Please contact your clinic.</source>
        <translation>Su clínica no borró sus datos, así que aquí tampoco se borró nada. Póngase en contacto con su clínica.</translation>
    </message>
    <message>
        <source>DELETE</source>
        <extracomment>The word a patient types to confirm &quot;Delete everything&quot;. One word, capitals.</extracomment>
        <translation>BORRAR</translation>
    </message>
    <message>
        <source>Type %1 to confirm.</source>
        <translation>Escriba %1 para confirmar.</translation>
    </message>
    <message>
        <source>Unlock first.</source>
        <translation>Desbloquee primero.</translation>
    </message>
    <message>
        <source>Sync is running. Try again in a moment.</source>
        <translation>Se está sincronizando. Inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>Some files of this device&apos;s data could not be deleted. Restart the app and try again.</source>
        <translation>No se pudieron borrar algunos archivos de este dispositivo. Reinicie la aplicación e inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>companion::presentation::DiaryController</name>
    <message>
        <source>Before your first infusion, as a starting point</source>
        <translation>Antes de su primera infusión, como punto de partida</translation>
    </message>
    <message>
        <source>Before infusion %1</source>
        <translation>Antes de la infusión %1</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) after infusion %1</source>
        <translation>
            <numerusform>%n día después de la infusión %1</numerusform>
            <numerusform>%n días después de la infusión %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Your diary could not be read. Nothing was changed.</source>
        <translation>No se pudo leer su diario. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Saved on this device</source>
        <translation>Guardado en este dispositivo</translation>
    </message>
    <message>
        <source>Open until %1</source>
        <translation>Disponible hasta el %1</translation>
    </message>
    <message>
        <source>You have an unfinished check-in.</source>
        <translation>Tiene un registro sin terminar.</translation>
    </message>
    <message>
        <source>You have an unfinished after-infusion check.</source>
        <translation>Tiene un control tras la infusión sin terminar.</translation>
    </message>
    <message>
        <source>Daily check-in</source>
        <translation>Registro diario</translation>
    </message>
    <message>
        <source>Edit check-in</source>
        <translation>Editar el registro</translation>
    </message>
    <message>
        <source>After your infusion</source>
        <translation>Después de su infusión</translation>
    </message>
    <message>
        <source>Edit after-infusion check</source>
        <translation>Editar el control tras la infusión</translation>
    </message>
    <message>
        <source>Draft kept on this device</source>
        <translation>Borrador guardado en este dispositivo</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Todavía sin guardar</translation>
    </message>
    <message>
        <source>This entry could not be opened.</source>
        <translation>No se pudo abrir esta entrada.</translation>
    </message>
    <message>
        <source>Questionnaire answers cannot be changed; take it again instead.</source>
        <translation>Las respuestas de un cuestionario no se pueden cambiar; puede volver a hacerlo.</translation>
    </message>
    <message>
        <source>Your answers could not be kept as a draft. Saving now keeps them.</source>
        <translation>No se pudieron guardar sus respuestas como borrador. Si guarda ahora, se conservan.</translation>
    </message>
    <message>
        <source>This entry could not be saved. What you entered is kept here; please try again.</source>
        <translation>No se pudo guardar esta entrada. Lo que ha escrito sigue aquí; vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>This entry could not be deleted.</source>
        <translation>No se pudo eliminar esta entrada.</translation>
    </message>
</context>
<context>
    <name>companion::presentation::JournalController</name>
    <message>
        <source>Before the infusion</source>
        <translation>Antes de la infusión</translation>
    </message>
    <message>
        <source>Soon after</source>
        <translation>Poco después</translation>
    </message>
    <message>
        <source>In the days after</source>
        <translation>En los días siguientes</translation>
    </message>
    <message>
        <source>Small steps into daily life</source>
        <translation>Pequeños pasos en el día a día</translation>
    </message>
    <message>
        <source>Looking back, weeks later</source>
        <translation>Mirando atrás, semanas después</translation>
    </message>
    <message>
        <source>Anything, not tied to one step</source>
        <translation>Cualquier cosa, sin ligarla a un paso</translation>
    </message>
    <message>
        <source>Add an intention</source>
        <translation>Añadir una intención</translation>
    </message>
    <message>
        <source>Add an experience</source>
        <translation>Añadir una experiencia</translation>
    </message>
    <message>
        <source>Add an insight</source>
        <translation>Añadir un descubrimiento</translation>
    </message>
    <message>
        <source>Add an action</source>
        <translation>Añadir una acción</translation>
    </message>
    <message>
        <source>Add a follow-up</source>
        <translation>Añadir un seguimiento</translation>
    </message>
    <message>
        <source>Add a free entry</source>
        <translation>Añadir una entrada libre</translation>
    </message>
    <message>
        <source>Your journal could not be read. Nothing was changed.</source>
        <translation>No se pudo leer su cuaderno. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Infusion on %1</source>
        <translation>Infusión del %1</translation>
    </message>
    <message>
        <source>Appointment %1</source>
        <translation>Cita %1</translation>
    </message>
    <message>
        <source>Free entries</source>
        <translation>Entradas libres</translation>
    </message>
    <message>
        <source>Saved on this device</source>
        <translation>Guardado en este dispositivo</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privada</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>Editada el %1</translation>
    </message>
    <message>
        <source>Written %1</source>
        <translation>Escrita el %1</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Not about one infusion</source>
        <translation>No trata de una infusión concreta</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s)</source>
        <translation>
            <numerusform>%n entrada</numerusform>
            <numerusform>%n entradas</numerusform>
        </translation>
    </message>
    <message>
        <source>You have an unsaved %1 from %2.</source>
        <translation>Tiene un borrador sin guardar (%1) del %2.</translation>
    </message>
    <message>
        <source>You have an unsaved %1.</source>
        <translation>Tiene un borrador sin guardar (%1).</translation>
    </message>
    <message>
        <source>That entry is no longer in your journal.</source>
        <translation>Esa entrada ya no está en su cuaderno.</translation>
    </message>
    <message>
        <source>A new infusion</source>
        <translation>Una infusión nueva</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>Nueva entrada: %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Editar: %1</translation>
    </message>
    <message numerus="yes">
        <source>This entry is %n character(s) over the limit of %1.</source>
        <translation>
            <numerusform>Esta entrada supera en %n carácter el límite de %1.</numerusform>
            <numerusform>Esta entrada supera en %n caracteres el límite de %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the infusion date as year-month-day, for example 2026-03-14.</source>
        <translation>Introduzca la fecha de la infusión como año-mes-día, por ejemplo 2026-03-14.</translation>
    </message>
    <message>
        <source>Write a few words first.</source>
        <translation>Escriba primero unas palabras.</translation>
    </message>
    <message>
        <source>Your entry could not be saved. Your draft is kept; please try again.</source>
        <translation>No se pudo guardar su entrada. Su borrador se conserva; vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The draft could not be discarded. Please try again.</source>
        <translation>No se pudo descartar el borrador. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>That entry could not be deleted. Nothing was changed.</source>
        <translation>No se pudo eliminar esa entrada. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Shared with your care team when you are connected to your clinic</source>
        <translation>Se comparte con su equipo de atención cuando está conectado a su clínica</translation>
    </message>
</context>
<context>
    <name>companion::presentation::LearnController</name>
    <message>
        <source>Good to read before your first infusion</source>
        <translation>Conviene leerlo antes de su primera infusión</translation>
    </message>
    <message>
        <source>Suggested for this part of your treatment</source>
        <translation>Recomendado para esta etapa de su tratamiento</translation>
    </message>
    <message>
        <source>Check what you learned: a few short questions</source>
        <translation>Compruebe lo que ha aprendido: unas preguntas breves</translation>
    </message>
    <message>
        <source>Next in the library</source>
        <translation>Lo siguiente en la biblioteca</translation>
    </message>
</context>
<context>
    <name>companion::presentation::MessagesController</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Companion follows its general instructions until your clinic sends its own.</source>
        <translation>Companion sigue sus instrucciones generales hasta que su clínica envíe las suyas.</translation>
    </message>
    <message>
        <source>Companion follows your clinic&apos;s instructions.</source>
        <translation>Companion sigue las instrucciones de su clínica.</translation>
    </message>
    <message>
        <source>Companion follows your clinic&apos;s instructions (version %1).</source>
        <translation>Companion sigue las instrucciones de su clínica (versión %1).</translation>
    </message>
    <message>
        <source>%1 replied to one of your entries</source>
        <translation>%1 respondió a una de sus entradas</translation>
    </message>
    <message>
        <source>Reply from %1, %2</source>
        <translation>Respuesta de %1, %2</translation>
    </message>
    <message>
        <source>Your clinic moved an infusion appointment</source>
        <translation>Su clínica cambió una cita de infusión</translation>
    </message>
    <message>
        <source>Your clinic booked an infusion appointment</source>
        <translation>Su clínica programó una cita de infusión</translation>
    </message>
    <message>
        <source>Your clinic cancelled an infusion appointment</source>
        <translation>Su clínica canceló una cita de infusión</translation>
    </message>
</context>
<context>
    <name>companion::presentation::PlanController</name>
    <message>
        <source>Infusion %1 of the series</source>
        <translation>Infusión %1 de la serie</translation>
    </message>
    <message>
        <source>Booster %1</source>
        <translation>Refuerzo %1</translation>
    </message>
    <message>
        <source>Your infusion plan could not be read. Nothing was changed.</source>
        <translation>No se pudo leer su plan de infusiones. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Cancelled appointment</source>
        <translation>Cita cancelada</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Para el %1</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1 de %2 hechos</translation>
    </message>
    <message>
        <source>Last solid food by %1 (in %2). Clear fluids until %3.</source>
        <translation>Último alimento sólido hasta el %1 (dentro de %2). Líquidos claros hasta el %3.</translation>
    </message>
    <message>
        <source>No more solid food. Clear fluids until %1 (in %2).</source>
        <translation>Ya no tome alimentos sólidos. Líquidos claros hasta el %1 (dentro de %2).</translation>
    </message>
    <message>
        <source>Your action: %1</source>
        <translation>Su acción: %1</translation>
    </message>
    <message>
        <source>Reminders are not delivered on this device.</source>
        <translation>En este dispositivo no se envían recordatorios.</translation>
    </message>
    <message>
        <source>Reminders could not be handed to this device. Check that notifications are allowed for Companion.</source>
        <translation>No se pudieron programar los recordatorios en este dispositivo. Compruebe que Companion tiene permiso para mostrar notificaciones.</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) scheduled on this device.</source>
        <translation>
            <numerusform>%n recordatorio programado en este dispositivo.</numerusform>
            <numerusform>%n recordatorios programados en este dispositivo.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1. Arrive by %2.</source>
        <translation>%1. Llegue antes de las %2.</translation>
    </message>
    <message>
        <source>Enter the date as YYYY-MM-DD and the time as HH:MM.</source>
        <translation>Introduzca la fecha como AAAA-MM-DD y la hora como HH:MM.</translation>
    </message>
    <message>
        <source>The appointment could not be saved.</source>
        <translation>No se pudo guardar la cita.</translation>
    </message>
    <message>
        <source>The appointment could not be moved.</source>
        <translation>No se pudo cambiar la fecha de la cita.</translation>
    </message>
    <message>
        <source>The appointment could not be cancelled.</source>
        <translation>No se pudo cancelar la cita.</translation>
    </message>
    <message>
        <source>This item could not be saved.</source>
        <translation>No se pudo guardar este punto.</translation>
    </message>
    <message>
        <source>Enter the pick-up time as HH:MM.</source>
        <translation>Introduzca la hora de recogida como HH:MM.</translation>
    </message>
    <message>
        <source>The ride could not be saved: %1</source>
        <translation>No se pudo guardar el regreso: %1</translation>
    </message>
    <message>
        <source>Your answer could not be saved.</source>
        <translation>No se pudo guardar su respuesta.</translation>
    </message>
    <message>
        <source>The background reminder service could not be set up.</source>
        <translation>No se pudo configurar el servicio de recordatorios en segundo plano.</translation>
    </message>
    <message>
        <source>The background reminder service did not start; it will start at your next login.</source>
        <translation>El servicio de recordatorios en segundo plano no se inició; se iniciará la próxima vez que inicie sesión.</translation>
    </message>
</context>
<context>
    <name>companion::presentation::ProfileController</name>
    <message>
        <source>That passphrase is not right. Check Caps Lock and try again.</source>
        <translation>Esa frase de contraseña no es correcta. Compruebe las mayúsculas (Bloq Mayús) y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Your profile failed its integrity check. It may be damaged, or someone may have changed its files. Nothing was changed or repaired.</source>
        <translation>Su perfil no ha superado la comprobación de integridad. Puede estar dañado, o alguien puede haber modificado sus archivos. No se ha cambiado ni reparado nada.</translation>
    </message>
    <message>
        <source>Companion could not read or write its files. Check that the device has free space, then try again. Nothing was lost.</source>
        <translation>Companion no pudo leer ni escribir sus archivos. Compruebe que el dispositivo tiene espacio libre y vuelva a intentarlo. No se ha perdido nada.</translation>
    </message>
    <message>
        <source>That passphrase is too easy to guess. Try a few unrelated words.</source>
        <translation>Esa frase de contraseña es demasiado fácil de adivinar. Pruebe con unas palabras sin relación entre sí.</translation>
    </message>
    <message>
        <source>This profile was made by a newer version of Companion. Please update the app.</source>
        <translation>Este perfil se creó con una versión más reciente de Companion. Actualice la aplicación.</translation>
    </message>
    <message>
        <source>No profile was found in %1.</source>
        <translation>No se encontró ningún perfil en %1.</translation>
    </message>
    <message>
        <source>A profile already exists here.</source>
        <translation>Aquí ya existe un perfil.</translation>
    </message>
    <message>
        <source>Something went wrong. Your data was not changed.</source>
        <translation>Algo ha fallado. Sus datos no se han modificado.</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>Introduzca su frase de contraseña.</translation>
    </message>
    <message>
        <source>That recovery key has a typo or is incomplete. It has 13 groups of 4 letters and digits.</source>
        <translation>Esa clave de recuperación tiene una errata o está incompleta. Tiene 13 grupos de 4 letras y cifras.</translation>
    </message>
    <message>
        <source>That recovery key belongs to a different profile.</source>
        <translation>Esa clave de recuperación pertenece a otro perfil.</translation>
    </message>
    <message>
        <source>Your current passphrase is not right.</source>
        <translation>Su frase de contraseña actual no es correcta.</translation>
    </message>
</context>
<context>
    <name>companion::presentation::QuestionnaireController</name>
    <message>
        <source>Question %1 of %2</source>
        <translation>Pregunta %1 de %2</translation>
    </message>
    <message>
        <source>This questionnaire is not available.</source>
        <translation>Este cuestionario no está disponible.</translation>
    </message>
    <message>
        <source>Some answers are missing. Please answer every question.</source>
        <translation>Faltan algunas respuestas. Responda a todas las preguntas, por favor.</translation>
    </message>
    <message>
        <source>Your answers could not be saved. They are kept here; please try again.</source>
        <translation>No se pudieron guardar sus respuestas. Siguen aquí; vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Your score: %1.</source>
        <translation>Su puntuación: %1.</translation>
    </message>
    <message>
        <source>Your score: %1 (%2).</source>
        <translation>Su puntuación: %1 (%2).</translation>
    </message>
    <message>
        <source>Your answers could not be kept as a draft. Finishing now saves them.</source>
        <translation>No se pudieron guardar sus respuestas como borrador. Si termina ahora, se guardan.</translation>
    </message>
</context>
<context>
    <name>companion::presentation::SafetyController</name>
    <message>
        <source>This app is not monitored around the clock. Your clinic reads what you share during its opening hours. If you are in danger now, call one of the numbers above.</source>
        <translation>Esta aplicación no está supervisada las 24 horas. Su clínica lee lo que usted comparte en su horario de atención. Si está en peligro ahora, llame a uno de los números de arriba.</translation>
    </message>
    <message>
        <source>Saved. Your clinic will see an urgent flag the next time this device connects. They read flags during opening hours, not around the clock: if you are in danger now, call.</source>
        <translation>Guardado. Su clínica verá un aviso urgente la próxima vez que este dispositivo se conecte. Revisan los avisos en su horario de atención, no las 24 horas: si está en peligro ahora, llame.</translation>
    </message>
    <message>
        <source>Saved in your diary. Your clinic has not switched on alerts from Companion, so they will not be told automatically. Please call them, or one of the numbers above.</source>
        <translation>Guardado en su diario. Su clínica no ha activado los avisos de Companion, así que no se le informará automáticamente. Llame a su clínica, o a uno de los números de arriba.</translation>
    </message>
</context>
<context>
    <name>companion::presentation::SummaryController</name>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message numerus="yes">
        <source>The last %n day(s)</source>
        <translation>
            <numerusform>El último %n día</numerusform>
            <numerusform>Los últimos %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved in: %1</source>
        <translation>Se guarda en: %1</translation>
    </message>
    <message>
        <source>Your entries could not be read, so no summary was saved.</source>
        <translation>No se pudieron leer sus entradas, así que no se ha guardado ningún resumen.</translation>
    </message>
    <message>
        <source>The folder %1 could not be created. Nothing was saved.</source>
        <translation>No se pudo crear la carpeta %1. No se ha guardado nada.</translation>
    </message>
    <message>
        <source>Companion summary %1</source>
        <translation>Resumen de Companion %1</translation>
    </message>
    <message>
        <source>Saved as %1. This file is not encrypted: keep it somewhere private and delete it when you no longer need it.</source>
        <translation>Guardado como %1. Este archivo no está cifrado: guárdelo en un lugar privado y bórrelo cuando ya no lo necesite.</translation>
    </message>
    <message>
        <source>The summary could not be saved in %1 (is the folder writable and is there space left?). Nothing was saved.</source>
        <translation>No se pudo guardar el resumen en %1 (¿se puede escribir en la carpeta y queda espacio?). No se ha guardado nada.</translation>
    </message>
</context>
<context>
    <name>companion::presentation::SyncController</name>
    <message>
        <source>Someone at your clinic</source>
        <translation>Alguien de su clínica</translation>
    </message>
    <message>
        <source>%1: %2 read an entry you shared</source>
        <translation>%1: %2 leyó una entrada que usted compartió</translation>
    </message>
    <message>
        <source>%1: you shared an entry</source>
        <translation>%1: usted compartió una entrada</translation>
    </message>
    <message>
        <source>%1: you stopped sharing an entry</source>
        <translation>%1: usted dejó de compartir una entrada</translation>
    </message>
    <message>
        <source>%1: you connected your first device</source>
        <translation>%1: usted conectó su primer dispositivo</translation>
    </message>
    <message>
        <source>%1: a device joined your account</source>
        <translation>%1: un dispositivo se unió a su cuenta</translation>
    </message>
    <message>
        <source>%1: a device was removed</source>
        <translation>%1: se retiró un dispositivo</translation>
    </message>
    <message>
        <source>%1: %2 saw your request for help</source>
        <translation>%1: %2 vio su petición de ayuda</translation>
    </message>
    <message>
        <source>Your clinic could not be reached. Everything stays saved on this device and is sent when the connection is back.</source>
        <translation>No se pudo contactar con su clínica. Todo sigue guardado en este dispositivo y se enviará cuando vuelva la conexión.</translation>
    </message>
    <message>
        <source>Your clinic did not accept this. If you used a code, it may be used or expired: ask your clinic for a new one.</source>
        <translation>Su clínica no lo aceptó. Si usó un código, puede que ya se haya usado o haya caducado: pida uno nuevo a su clínica.</translation>
    </message>
    <message>
        <source>That passphrase is not right.</source>
        <translation>Esa frase de contraseña no es correcta.</translation>
    </message>
    <message>
        <source>The clinic server&apos;s identity could not be verified, so nothing was sent. Please tell your clinic.</source>
        <translation>No se pudo verificar la identidad del servidor de la clínica, así que no se envió nada. Avise a su clínica.</translation>
    </message>
    <message>
        <source>Check the address and the code, then try again.</source>
        <translation>Revise la dirección y el código, y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Sync did not finish. Nothing was lost; it will try again.</source>
        <translation>La sincronización no terminó. No se perdió nada; se volverá a intentar.</translation>
    </message>
    <message>
        <source>Not connected to a clinic. Everything is saved on this device only.</source>
        <translation>No está conectado a una clínica. Todo se guarda solo en este dispositivo.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Conectado a %1.</translation>
    </message>
    <message>
        <source>Connected to %1. Last synced %2.</source>
        <translation>Conectado a %1. Última sincronización: %2.</translation>
    </message>
    <message>
        <source>This device (added %1)</source>
        <translation>Este dispositivo (añadido el %1)</translation>
    </message>
    <message>
        <source>Another device (added %1)</source>
        <translation>Otro dispositivo (añadido el %1)</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <source>Shared with your care team</source>
        <translation>Compartido con su equipo de atención</translation>
    </message>
    <message>
        <source>Saved on this device</source>
        <translation>Guardado en este dispositivo</translation>
    </message>
    <message>
        <source>%1: %2 sent you a message</source>
        <translation>%1: %2 le envió un mensaje</translation>
    </message>
    <message>
        <source>Your data at the clinic was deleted from another of your devices, so this device can no longer sync. To delete what is left here too, use Delete everything below and choose this device only.</source>
        <translation>Sus datos en la clínica se borraron desde otro de sus dispositivos, así que este dispositivo ya no puede sincronizarse. Para borrar también lo que queda aquí, use Borrar todo más abajo y elija solo este dispositivo.</translation>
    </message>
    <message>
        <source>A new device joined just now. If it is yours, choose Done. If not, remove it.</source>
        <translation>Un dispositivo nuevo acaba de unirse. Si es suyo, elija Hecho. Si no, retírelo.</translation>
    </message>
    <message>
        <source>This code was made by a newer version of Companion. Update the app, then scan it again.</source>
        <translation>Este código se creó con una versión más reciente de Companion. Actualice la aplicación y vuelva a escanearlo.</translation>
    </message>
    <message>
        <source>This is not a Companion code. Scan the code from your clinic or from your other device.</source>
        <translation>Este no es un código de Companion. Escanee el código de su clínica o de su otro dispositivo.</translation>
    </message>
    <message>
        <source>That file could not be opened.</source>
        <translation>No se pudo abrir ese archivo.</translation>
    </message>
    <message>
        <source>No QR code was found in that image. Try a sharper picture.</source>
        <translation>No se encontró ningún código QR en esa imagen. Pruebe con una imagen más nítida.</translation>
    </message>
    <message>
        <source>Scan this code with your new device before %1. Anyone who sees it can join your account until then, so show it to no one else.</source>
        <translation>Escanee este código con su nuevo dispositivo antes de las %1. Hasta entonces, cualquiera que lo vea puede unirse a su cuenta, así que no se lo muestre a nadie más.</translation>
    </message>
    <message>
        <source>The new key could not be saved at your clinic, so nothing changed: your current data recovery key still works. Try again when you are connected.</source>
        <translation>No se pudo guardar la clave nueva en su clínica, así que no cambió nada: su clave de recuperación de datos actual sigue funcionando. Inténtelo de nuevo cuando tenga conexión.</translation>
    </message>
    <message>
        <source>Your new passphrase works on this device, but it could not be saved at your clinic: a new device still joins with your old passphrase until you change it again while connected.</source>
        <translation>Su nueva frase de contraseña funciona en este dispositivo, pero no se pudo guardar en su clínica: un dispositivo nuevo seguirá uniéndose con su frase de contraseña anterior hasta que usted la cambie de nuevo con conexión.</translation>
    </message>
</context>
<context>
    <name>companion::presentation::TrendController</name>
    <message>
        <source>Mood (check-in)</source>
        <translation>Estado de ánimo (registro)</translation>
    </message>
    <message>
        <source>Anxiety (check-in)</source>
        <translation>Ansiedad (registro)</translation>
    </message>
    <message>
        <source>Pain (check-in)</source>
        <translation>Dolor (registro)</translation>
    </message>
    <message>
        <source>Hours of sleep</source>
        <translation>Horas de sueño</translation>
    </message>
    <message>
        <source>Energy (check-in)</source>
        <translation>Energía (registro)</translation>
    </message>
    <message>
        <source>Your recent scores have climbed back toward where you started. This can happen some weeks after a series. Consider asking your clinic about a booster.</source>
        <translation>Sus puntuaciones recientes han vuelto a subir hacia las del inicio. Esto puede ocurrir unas semanas después de una serie. Puede preguntar a su clínica por una sesión de refuerzo.</translation>
    </message>
    <message>
        <source>Down %1 % from your starting score (%2 → %3).</source>
        <translation>Un %1 % por debajo de su puntuación inicial (%2 → %3).</translation>
    </message>
    <message>
        <source>Up %1 % from your starting score (%2 → %3).</source>
        <translation>Un %1 % por encima de su puntuación inicial (%2 → %3).</translation>
    </message>
    <message>
        <source>Your latest score is in the remission range.</source>
        <translation>Su última puntuación está en el rango de remisión.</translation>
    </message>
    <message>
        <source>Your latest score is at least 50 % below your starting score: what clinicians call a response.</source>
        <translation>Su última puntuación está al menos un 50 % por debajo de la inicial: lo que los clínicos llaman una respuesta.</translation>
    </message>
    <message>
        <source>You reached a response on %1.</source>
        <translation>Alcanzó una respuesta el %1.</translation>
    </message>
    <message>
        <source>starting score</source>
        <translation>puntuación inicial</translation>
    </message>
    <message>
        <source>remission</source>
        <translation>remisión</translation>
    </message>
    <message>
        <source>response</source>
        <translation>respuesta</translation>
    </message>
    <message>
        <source>No %1 entries in this period yet.</source>
        <translation>Todavía no hay datos de %1 en este periodo.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n entries. Latest %2 on %3.</source>
        <translation>
            <numerusform>%1: %n registro. Último: %2 el %3.</numerusform>
            <numerusform>%1: %n registros. Último: %2 el %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n infusion(s) marked.</source>
        <translation>
            <numerusform>%n infusión marcada.</numerusform>
            <numerusform>%n infusiones marcadas.</numerusform>
        </translation>
    </message>
</context>
</TS>
