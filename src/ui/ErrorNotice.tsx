export function ErrorNotice({ message }: { message: string }) {
  return (
    <p role="alert" class="notice notice-error">
      {message}
    </p>
  );
}
